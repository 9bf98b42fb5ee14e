-- InnoDB made an index for orders_customer_fk; this one takes its place under our own name.
CREATE INDEX orders_customer_idx ON orders (customer_id);
