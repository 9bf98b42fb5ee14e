ALTER TABLE product ADD COLUMN weight_grams INTEGER;
