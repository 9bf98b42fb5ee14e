CREATE INDEX device_firmware_idx ON device (firmware);
