CREATE SCHEMA reporting;
CREATE VIEW reporting.plan_mix AS
SELECT s.plan_code, COUNT(*) AS tenants FROM subscription s WHERE s.ends_at IS NULL GROUP BY s.plan_code;
