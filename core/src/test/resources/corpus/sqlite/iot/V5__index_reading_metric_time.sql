CREATE INDEX reading_metric_time_idx ON reading (metric, recorded_at);
