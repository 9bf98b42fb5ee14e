CREATE INDEX product_category_idx ON product (category_id, name);
