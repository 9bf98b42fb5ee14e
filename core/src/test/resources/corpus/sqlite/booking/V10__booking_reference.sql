CREATE TABLE booking_counter (name VARCHAR(40) PRIMARY KEY, next_value INTEGER NOT NULL);
INSERT INTO booking_counter (name, next_value) VALUES ('booking_reference', 1000);
ALTER TABLE booking ADD COLUMN reference INTEGER;
