DROP INDEX orders_customer_idx;
CREATE INDEX orders_customer_idx ON orders (customer_id, placed_at);
