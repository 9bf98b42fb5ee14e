-- No materialized views on MariaDB: a summary table that an event refreshes.
CREATE TABLE room_occupancy (
    room_id BIGINT NOT NULL PRIMARY KEY,
    bookings INT NOT NULL
) ENGINE=InnoDB;
INSERT INTO room_occupancy (room_id, bookings)
SELECT room_id, COUNT(*) FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
CREATE EVENT refresh_room_occupancy ON SCHEDULE EVERY 1 HOUR
DO REPLACE INTO room_occupancy (room_id, bookings)
    SELECT room_id, COUNT(*) FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
