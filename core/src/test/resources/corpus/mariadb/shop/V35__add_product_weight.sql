ALTER TABLE product ADD COLUMN weight_grams INT NULL;
