-- No partial indexes on MariaDB: status second lets the range skip cancelled rows.
CREATE INDEX booking_active_room_idx ON booking (room_id, status);
