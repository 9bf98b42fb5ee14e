CREATE VIEW ${flyway:defaultSchema}.reporting_plan_mix AS
SELECT s.plan_code, COUNT(*) AS tenants FROM ${flyway:defaultSchema}.subscription s WHERE s.ends_at IS NULL GROUP BY s.plan_code;
