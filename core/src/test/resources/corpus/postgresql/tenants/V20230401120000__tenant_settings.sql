ALTER TABLE tenant ADD COLUMN settings jsonb NOT NULL DEFAULT '{}';
