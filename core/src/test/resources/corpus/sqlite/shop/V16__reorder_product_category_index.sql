-- Listing pages sort by name within a category filter: name first serves the catalogue search better.
DROP INDEX product_category_idx;
CREATE INDEX product_category_idx ON product (name, category_id);
