ALTER TABLE orders
    ADD COLUMN coupon_code VARCHAR(30) NULL,
    ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_code) REFERENCES coupon (code);
