CREATE TABLE tax_rate (
    country CHAR(2) CHARACTER SET ascii NOT NULL PRIMARY KEY,
    rate_bp INT NOT NULL
) ENGINE=InnoDB;
