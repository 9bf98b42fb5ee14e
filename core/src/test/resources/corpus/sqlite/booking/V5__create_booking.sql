CREATE TABLE booking (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id INTEGER NOT NULL REFERENCES room (id),
    guest_email VARCHAR(255) NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    status VARCHAR(12) NOT NULL DEFAULT 'held'
);
