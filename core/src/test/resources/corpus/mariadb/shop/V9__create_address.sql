CREATE TABLE address (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    line1 VARCHAR(200) NOT NULL,
    city VARCHAR(100) NOT NULL,
    postcode VARCHAR(20) NULL,
    country CHAR(2) NOT NULL,
    KEY address_customer_idx (customer_id),
    CONSTRAINT address_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
) ENGINE=InnoDB;
