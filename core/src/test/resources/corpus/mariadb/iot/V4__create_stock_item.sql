CREATE TABLE stock_item (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id BIGINT NOT NULL,
    sku VARCHAR(40) NOT NULL,
    qty INT NOT NULL DEFAULT 0,
    UNIQUE KEY stock_item_site_sku_uk (site_id, sku),
    CONSTRAINT stock_item_site_fk FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB;
