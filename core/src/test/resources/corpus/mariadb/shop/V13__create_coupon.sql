CREATE TABLE coupon (
    code VARCHAR(30) NOT NULL PRIMARY KEY,
    percent_off INT NOT NULL,
    valid_until DATE NULL
) ENGINE=InnoDB;
