CREATE TABLE reading (
    device_id INTEGER NOT NULL REFERENCES device (id),
    recorded_at TEXT NOT NULL,
    value REAL NOT NULL,
    metric VARCHAR(30) NOT NULL,
    PRIMARY KEY (device_id, recorded_at, metric)
);
