DROP VIEW room_occupancy;
CREATE TABLE booking_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id INTEGER NOT NULL REFERENCES room (id),
    guest_email VARCHAR(255) NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    status VARCHAR(12) NOT NULL DEFAULT 'held',
    reference INTEGER,
    CHECK (ends_at > starts_at)
);
INSERT INTO booking_new SELECT id, room_id, guest_email, starts_at, ends_at, status, reference FROM booking;
DROP TABLE booking;
ALTER TABLE booking_new RENAME TO booking;
CREATE INDEX booking_room_time_idx ON booking (room_id, starts_at);
CREATE VIEW room_occupancy AS
SELECT room_id, COUNT(*) AS bookings FROM booking WHERE status <> 'cancelled' GROUP BY room_id;
