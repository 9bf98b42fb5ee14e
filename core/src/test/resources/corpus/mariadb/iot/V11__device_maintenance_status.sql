-- A new label in the middle: the stored index of 'retired' changes, MariaDB rewrites the table.
ALTER TABLE device MODIFY status ENUM('active', 'maintenance', 'retired') NOT NULL DEFAULT 'active';
