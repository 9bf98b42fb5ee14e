-- Versions differ within their first ten characters: a prefix keeps the index small.
CREATE INDEX device_firmware_idx ON device (firmware(10));
