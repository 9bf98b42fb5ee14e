-- The column's CHECK follows the rename.
ALTER TABLE room RENAME COLUMN capacity TO max_guests;
