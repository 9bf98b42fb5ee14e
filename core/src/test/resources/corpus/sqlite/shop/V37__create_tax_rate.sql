CREATE TABLE tax_rate (
    country CHAR(2) PRIMARY KEY,
    rate_bp INTEGER NOT NULL
);
