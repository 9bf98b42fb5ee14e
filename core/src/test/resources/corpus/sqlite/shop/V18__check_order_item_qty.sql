PRAGMA foreign_keys = OFF;
CREATE TABLE order_item_new (
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES product (id),
    qty INTEGER NOT NULL CHECK (qty > 0),
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
INSERT INTO order_item_new SELECT order_id, product_id, qty, unit_price_cents FROM order_item;
DROP TABLE order_item;
ALTER TABLE order_item_new RENAME TO order_item;
PRAGMA foreign_keys = ON;
