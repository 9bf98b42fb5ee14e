-- The threshold alerts moved to the stream processor; the index only slowed ingestion.
DROP INDEX reading_value_idx ON reading;
