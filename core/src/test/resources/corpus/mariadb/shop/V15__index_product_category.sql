-- Replaces the index InnoDB made for product_category_fk (category_id comes first).
CREATE INDEX product_category_idx ON product (category_id, name);
