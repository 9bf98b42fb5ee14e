ALTER TABLE stock_item ADD COLUMN low_stock boolean GENERATED ALWAYS AS (qty < 10) STORED;
