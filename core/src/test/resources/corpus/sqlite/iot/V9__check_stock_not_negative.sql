PRAGMA foreign_keys = OFF;
CREATE TABLE stock_item_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id INTEGER NOT NULL REFERENCES site (id),
    sku VARCHAR(40) NOT NULL,
    qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
    UNIQUE (site_id, sku)
);
INSERT INTO stock_item_new SELECT id, site_id, sku, qty FROM stock_item;
DROP TABLE stock_item;
ALTER TABLE stock_item_new RENAME TO stock_item;
PRAGMA foreign_keys = ON;
