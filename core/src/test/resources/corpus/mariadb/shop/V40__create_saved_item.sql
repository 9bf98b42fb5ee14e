CREATE TABLE saved_item (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    list_name VARCHAR(60) NOT NULL DEFAULT 'wishlist',
    added_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT saved_item_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT saved_item_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB;
