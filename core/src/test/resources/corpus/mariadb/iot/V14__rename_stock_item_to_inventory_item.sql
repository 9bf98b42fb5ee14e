RENAME TABLE stock_item TO inventory_item;
