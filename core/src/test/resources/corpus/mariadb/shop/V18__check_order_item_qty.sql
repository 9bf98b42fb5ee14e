ALTER TABLE order_item ADD CONSTRAINT order_item_qty_check CHECK (qty > 0);
