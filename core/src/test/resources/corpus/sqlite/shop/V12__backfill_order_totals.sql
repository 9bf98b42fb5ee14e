UPDATE orders SET total_cents = (
    SELECT COALESCE(SUM(i.qty * i.unit_price_cents), 0) FROM order_item i WHERE i.order_id = orders.id
) WHERE total_cents IS NULL;
