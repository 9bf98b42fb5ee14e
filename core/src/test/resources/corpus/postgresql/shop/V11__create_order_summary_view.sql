CREATE VIEW order_summary AS
SELECT o.id AS order_id, c.email, o.status, o.total_cents
FROM orders o JOIN customer c ON c.id = o.customer_id;
