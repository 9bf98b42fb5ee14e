CREATE TABLE reading (
    device_id bigint NOT NULL REFERENCES device (id),
    recorded_at timestamptz NOT NULL,
    value double precision NOT NULL,
    metric VARCHAR(30) NOT NULL,
    PRIMARY KEY (device_id, recorded_at, metric)
);
