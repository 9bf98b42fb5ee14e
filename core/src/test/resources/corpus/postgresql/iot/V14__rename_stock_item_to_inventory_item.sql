ALTER TABLE stock_item RENAME TO inventory_item;
