CREATE MATERIALIZED VIEW reading_hourly AS
SELECT device_id, date_trunc('hour', recorded_at) AS hour, metric, AVG(value) AS avg_value
FROM reading GROUP BY device_id, date_trunc('hour', recorded_at), metric;
CREATE UNIQUE INDEX reading_hourly_key ON reading_hourly (device_id, hour, metric);
