CREATE TABLE shipment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id),
    carrier VARCHAR(40) NOT NULL,
    tracking_no VARCHAR(60),
    shipped_at TEXT
);
