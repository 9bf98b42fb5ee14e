CREATE TABLE payment (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT NOT NULL,
    amount_cents INT NOT NULL,
    method VARCHAR(20) NOT NULL,
    paid_at DATETIME NULL,
    CONSTRAINT payment_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB;
