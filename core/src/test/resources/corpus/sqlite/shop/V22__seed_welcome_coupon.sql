INSERT INTO coupon (code, percent_off, valid_until) VALUES ('WELCOME10', 10, NULL);
