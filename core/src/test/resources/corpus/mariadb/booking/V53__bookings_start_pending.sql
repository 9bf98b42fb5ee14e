ALTER TABLE booking ALTER COLUMN status SET DEFAULT 'pending';
