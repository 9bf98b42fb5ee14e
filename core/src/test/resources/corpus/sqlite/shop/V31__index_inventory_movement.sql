CREATE INDEX inventory_movement_product_idx ON inventory_movement (product_id, moved_at);
