CREATE TABLE return_request_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id),
    reason TEXT,
    status VARCHAR(20) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED', 'CLOSED')),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO return_request_new SELECT id, order_id, reason, status, created_at FROM return_request;
DROP TABLE return_request;
ALTER TABLE return_request_new RENAME TO return_request;
