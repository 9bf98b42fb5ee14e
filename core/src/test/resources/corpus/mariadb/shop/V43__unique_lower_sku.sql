-- No expression indexes on MariaDB: an invisible generated column carries the lower-case SKU.
-- (The default collation already ignores case; the byte-exact collation of the column makes the intent explicit.)
ALTER TABLE product
    ADD COLUMN sku_lower VARCHAR(40) COLLATE utf8mb4_bin AS (LOWER(sku)) VIRTUAL INVISIBLE,
    ADD UNIQUE INDEX product_sku_lower_idx (sku_lower);
