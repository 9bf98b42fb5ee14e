ALTER TABLE orders ADD COLUMN coupon_code VARCHAR(30) REFERENCES coupon (code);
