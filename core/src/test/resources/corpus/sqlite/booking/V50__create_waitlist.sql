CREATE TABLE waitlist_entry (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room_id INTEGER NOT NULL REFERENCES room (id),
    guest_email VARCHAR(255) NOT NULL,
    wanted_on TEXT NOT NULL
);
