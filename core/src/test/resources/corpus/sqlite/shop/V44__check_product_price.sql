PRAGMA foreign_keys = OFF;
DROP VIEW product_sales;
CREATE TABLE product_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sku VARCHAR(40) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    category_id INTEGER REFERENCES category (id),
    stock INTEGER NOT NULL DEFAULT 0,
    weight_grams INTEGER
);
INSERT INTO product_new SELECT id, sku, name, price_cents, category_id, stock, weight_grams FROM product;
DROP TABLE product;
ALTER TABLE product_new RENAME TO product;
CREATE INDEX product_category_idx ON product (name, category_id);
CREATE UNIQUE INDEX product_sku_lower_idx ON product (LOWER(sku));
CREATE VIEW product_sales AS
SELECT p.id AS product_id, p.sku, SUM(i.qty) AS units, SUM(i.qty * i.unit_price_cents) AS revenue_cents
FROM product p JOIN order_item i ON i.product_id = p.id
GROUP BY p.id, p.sku;
PRAGMA foreign_keys = ON;
