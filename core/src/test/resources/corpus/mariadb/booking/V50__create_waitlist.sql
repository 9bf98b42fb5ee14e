CREATE TABLE waitlist_entry (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    room_id BIGINT NOT NULL,
    guest_email VARCHAR(255) NOT NULL,
    wanted_on DATE NOT NULL,
    CONSTRAINT waitlist_entry_room_fk FOREIGN KEY (room_id) REFERENCES room (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
