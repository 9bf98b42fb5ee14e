-- One ALTER: dropping the only index on customer_id alone would fail (error 1553, needed by orders_customer_fk).
ALTER TABLE orders
    DROP INDEX orders_customer_idx,
    ADD INDEX orders_customer_idx (customer_id, placed_at);
