CREATE TABLE wishlist (
    customer_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    added_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (customer_id, product_id),
    CONSTRAINT wishlist_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT wishlist_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB;
