ALTER TABLE employee ADD COLUMN employment_type ENUM('full_time', 'part_time') NOT NULL DEFAULT 'full_time';
