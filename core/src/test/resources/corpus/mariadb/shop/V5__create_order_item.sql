CREATE TABLE order_item (
    order_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    qty INT NOT NULL,
    unit_price_cents INT NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT order_item_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_item_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB;
