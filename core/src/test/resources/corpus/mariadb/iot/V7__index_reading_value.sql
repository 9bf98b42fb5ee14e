CREATE INDEX reading_value_idx ON reading (value);
