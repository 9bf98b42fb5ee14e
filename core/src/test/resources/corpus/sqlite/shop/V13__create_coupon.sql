CREATE TABLE coupon (
    code VARCHAR(30) PRIMARY KEY,
    percent_off INTEGER NOT NULL,
    valid_until TEXT
);
