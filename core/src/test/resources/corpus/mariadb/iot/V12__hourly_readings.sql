-- No materialized views on MariaDB: a plain view over the readings.
CREATE VIEW reading_hourly AS
SELECT device_id, DATE_FORMAT(recorded_at, '%Y-%m-%d %H:00:00') AS hour, metric, AVG(value) AS avg_value
FROM reading GROUP BY device_id, DATE_FORMAT(recorded_at, '%Y-%m-%d %H:00:00'), metric;
