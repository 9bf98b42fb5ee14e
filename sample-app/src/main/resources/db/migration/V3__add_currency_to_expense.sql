-- Release 2.0 (the first one with Flyway): expenses in more than one currency.
-- Every expense recorded before this release was in euros.
ALTER TABLE expense ADD COLUMN currency VARCHAR(3) NOT NULL DEFAULT 'EUR';
