ALTER TABLE employee DROP COLUMN salary_cents;
