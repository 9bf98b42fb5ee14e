CREATE UNIQUE INDEX product_sku_lower_idx ON product (LOWER(sku));
