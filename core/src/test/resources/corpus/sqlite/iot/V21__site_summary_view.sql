CREATE VIEW site_summary (site_code, devices) AS
SELECT s.code, COUNT(d.id) FROM site s LEFT JOIN device d ON d.site_id = s.id GROUP BY s.code;
