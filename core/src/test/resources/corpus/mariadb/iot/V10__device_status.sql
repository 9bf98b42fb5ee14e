ALTER TABLE device ADD COLUMN status ENUM('active', 'retired') NOT NULL DEFAULT 'active';
