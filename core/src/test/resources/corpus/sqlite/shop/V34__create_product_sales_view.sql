CREATE VIEW product_sales AS
SELECT p.id AS product_id, p.sku, SUM(i.qty) AS units, SUM(i.qty * i.unit_price_cents) AS revenue_cents
FROM product p JOIN order_item i ON i.product_id = p.id
GROUP BY p.id, p.sku;
