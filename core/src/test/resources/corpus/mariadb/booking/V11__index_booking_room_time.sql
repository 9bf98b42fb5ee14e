-- InnoDB drops the index it made for booking_room_fk: this one serves the foreign key now.
CREATE INDEX booking_room_time_idx ON booking (room_id, starts_at);
