CREATE TABLE payment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id),
    amount_cents INTEGER NOT NULL,
    method VARCHAR(20) NOT NULL,
    paid_at TEXT
);
