ALTER TABLE room_occupancy ADD COLUMN guests INT NOT NULL DEFAULT 0;
ALTER EVENT refresh_room_occupancy
DO REPLACE INTO room_occupancy (room_id, bookings, guests)
    SELECT room_id, COUNT(*), SUM(party_size) FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
REPLACE INTO room_occupancy (room_id, bookings, guests)
SELECT room_id, COUNT(*), SUM(party_size) FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
