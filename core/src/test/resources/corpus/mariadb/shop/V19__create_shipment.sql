CREATE TABLE shipment (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT NOT NULL,
    carrier VARCHAR(40) NOT NULL,
    tracking_no VARCHAR(60) NULL,
    shipped_at DATETIME NULL,
    CONSTRAINT shipment_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB;
