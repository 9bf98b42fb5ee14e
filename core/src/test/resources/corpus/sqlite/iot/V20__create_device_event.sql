CREATE TABLE device_event (
    device_id INTEGER NOT NULL REFERENCES device (id),
    at TEXT NOT NULL,
    kind VARCHAR(30) NOT NULL,
    payload TEXT
);
CREATE INDEX device_event_device_at_idx ON device_event (device_id, at);
