-- Orders take writes all day: build the index without blocking them.
ALTER TABLE orders ADD INDEX orders_placed_at_idx (placed_at), ALGORITHM=INPLACE, LOCK=NONE;
