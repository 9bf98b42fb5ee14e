ALTER TABLE stock_item ADD COLUMN low_stock BOOLEAN AS (qty < 10) STORED;
