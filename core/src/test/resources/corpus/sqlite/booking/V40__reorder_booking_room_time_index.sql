-- Calendar queries filter on a time window across rooms first.
DROP INDEX booking_room_time_idx;
CREATE INDEX booking_room_time_idx ON booking (starts_at, room_id);
