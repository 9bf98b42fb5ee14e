CREATE TABLE device_event (
    device_id BIGINT NOT NULL,
    at DATETIME(3) NOT NULL,
    kind VARCHAR(30) NOT NULL,
    payload TEXT,
    KEY device_event_device_at_idx (device_id, at)
) ENGINE=InnoDB
PARTITION BY RANGE COLUMNS (at) (
    PARTITION p2024 VALUES LESS THAN ('2025-01-01'),
    PARTITION p2025 VALUES LESS THAN ('2026-01-01')
);
