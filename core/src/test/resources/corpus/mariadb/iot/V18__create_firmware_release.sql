-- No domains on MariaDB: the semver rule is a CHECK on the column.
CREATE TABLE firmware_release (
    version VARCHAR(20) NOT NULL PRIMARY KEY CHECK (version REGEXP '^[0-9]+\\.[0-9]+\\.[0-9]+$'),
    released_on DATE NOT NULL,
    notes TEXT
) ENGINE=InnoDB;
