ALTER TABLE booking ADD CONSTRAINT booking_times_check CHECK (ends_at > starts_at);
