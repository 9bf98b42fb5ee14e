CREATE DOMAIN semver AS text CHECK (VALUE ~ '^[0-9]+\.[0-9]+\.[0-9]+$');
CREATE TABLE firmware_release (
    version semver PRIMARY KEY,
    released_on date NOT NULL,
    notes text
);
