CREATE TABLE room (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    venue_id BIGINT NOT NULL,
    name VARCHAR(80) NOT NULL,
    capacity INT NOT NULL CHECK (capacity > 0),
    UNIQUE KEY room_venue_name_uk (venue_id, name),
    CONSTRAINT room_venue_fk FOREIGN KEY (venue_id) REFERENCES venue (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
