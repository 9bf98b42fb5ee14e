CREATE TABLE reading_hourly (
    device_id INTEGER NOT NULL REFERENCES device (id),
    hour TEXT NOT NULL,
    metric VARCHAR(30) NOT NULL,
    avg_value REAL NOT NULL,
    PRIMARY KEY (device_id, hour, metric)
);
