ALTER TABLE stock_item ADD CONSTRAINT stock_item_qty_check CHECK (qty >= 0);
