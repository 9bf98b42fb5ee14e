CREATE TYPE employment_type AS ENUM ('full_time', 'part_time');
ALTER TABLE employee ADD COLUMN employment_type employment_type NOT NULL DEFAULT 'full_time';
