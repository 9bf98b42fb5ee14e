CREATE TYPE device_status AS ENUM ('active', 'retired');
ALTER TABLE device ADD COLUMN status device_status NOT NULL DEFAULT 'active';
