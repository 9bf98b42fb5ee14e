CREATE TABLE device_event (
    device_id bigint NOT NULL,
    at timestamptz NOT NULL,
    kind VARCHAR(30) NOT NULL,
    payload TEXT
) PARTITION BY RANGE (at);
CREATE TABLE device_event_2024 PARTITION OF device_event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE device_event_2025 PARTITION OF device_event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX device_event_device_at_idx ON device_event (device_id, at);
