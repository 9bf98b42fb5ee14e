CREATE VIEW tenant_overview AS
SELECT t.slug, s.plan_code, s.status, (SELECT COUNT(*) FROM app_user u WHERE u.tenant_id = t.id) AS users
FROM tenant t LEFT JOIN subscription s ON s.tenant_id = t.id AND s.ends_at IS NULL;
