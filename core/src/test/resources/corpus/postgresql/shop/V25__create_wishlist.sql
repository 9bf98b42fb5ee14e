CREATE TABLE wishlist (
    customer_id bigint NOT NULL REFERENCES customer (id),
    product_id bigint NOT NULL REFERENCES product (id),
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, product_id)
);
