DROP VIEW room_occupancy;
CREATE VIEW room_occupancy AS
SELECT room_id, COUNT(*) AS bookings, SUM(party_size) AS guests
FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
