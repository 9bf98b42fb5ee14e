-- A label at the end: MariaDB changes only the table's metadata.
ALTER TABLE employee MODIFY employment_type ENUM('full_time', 'part_time', 'contractor') NOT NULL DEFAULT 'full_time',
    ALGORITHM=INPLACE;
