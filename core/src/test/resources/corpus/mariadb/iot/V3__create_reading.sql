CREATE TABLE reading (
    device_id BIGINT NOT NULL,
    recorded_at DATETIME(3) NOT NULL,
    value DOUBLE NOT NULL,
    metric VARCHAR(30) NOT NULL,
    PRIMARY KEY (device_id, recorded_at, metric),
    CONSTRAINT reading_device_fk FOREIGN KEY (device_id) REFERENCES device (id)
) ENGINE=InnoDB;
