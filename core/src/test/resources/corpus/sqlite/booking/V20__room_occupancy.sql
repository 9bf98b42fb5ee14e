CREATE VIEW room_occupancy AS
SELECT room_id, COUNT(*) AS bookings FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
