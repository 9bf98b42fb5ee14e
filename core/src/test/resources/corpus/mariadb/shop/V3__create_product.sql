CREATE TABLE product (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku VARCHAR(40) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    price_cents INT NOT NULL,
    category_id INT NULL,
    CONSTRAINT product_category_fk FOREIGN KEY (category_id) REFERENCES category (id)
) ENGINE=InnoDB;
