CREATE TABLE pay_period (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    CONSTRAINT pay_period_dates_check CHECK (ends_on > starts_on)
) ENGINE=InnoDB;
