CREATE TABLE inventory_movement (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id BIGINT NOT NULL,
    delta INT NOT NULL,
    reason VARCHAR(30) NOT NULL,
    moved_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT inventory_movement_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB;
