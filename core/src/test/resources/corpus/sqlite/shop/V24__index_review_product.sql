CREATE INDEX review_product_idx ON review (product_id);
