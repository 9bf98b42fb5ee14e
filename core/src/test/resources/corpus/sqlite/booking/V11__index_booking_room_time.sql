CREATE INDEX booking_room_time_idx ON booking (room_id, starts_at);
