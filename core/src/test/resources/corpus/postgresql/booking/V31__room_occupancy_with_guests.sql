DROP MATERIALIZED VIEW room_occupancy;
CREATE MATERIALIZED VIEW room_occupancy AS
SELECT room_id, COUNT(*) AS bookings, SUM(party_size) AS guests
FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
CREATE UNIQUE INDEX room_occupancy_room_idx ON room_occupancy (room_id);
