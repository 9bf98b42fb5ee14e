-- No RENAME VALUE for ENUM: widen, move the rows, narrow.
ALTER TABLE employee MODIFY employment_type ENUM('full_time', 'part_time', 'contractor', 'freelance') NOT NULL DEFAULT 'full_time';
UPDATE employee SET employment_type = 'freelance' WHERE employment_type = 'contractor';
ALTER TABLE employee MODIFY employment_type ENUM('full_time', 'part_time', 'freelance') NOT NULL DEFAULT 'full_time';
