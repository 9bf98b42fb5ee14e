CREATE TABLE saved_item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    product_id INTEGER NOT NULL REFERENCES product (id),
    list_name VARCHAR(60) NOT NULL DEFAULT 'wishlist',
    added_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
