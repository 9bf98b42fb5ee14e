ALTER TABLE room RENAME COLUMN capacity TO max_guests;
