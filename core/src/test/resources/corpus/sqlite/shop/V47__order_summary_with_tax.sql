DROP VIEW order_summary;
CREATE VIEW order_summary AS
SELECT o.id AS order_id, c.email, o.state AS status, o.placed_at, o.total_cents, o.tax_cents
FROM orders o JOIN customer c ON c.id = o.customer_id;
