ALTER TABLE product ADD CONSTRAINT product_price_check CHECK (price_cents >= 0);
