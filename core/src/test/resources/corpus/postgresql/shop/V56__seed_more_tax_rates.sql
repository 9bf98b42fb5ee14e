INSERT INTO tax_rate (country, rate_bp) VALUES ('BE', 2100), ('AT', 2000);
