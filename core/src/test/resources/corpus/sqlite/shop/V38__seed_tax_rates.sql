INSERT INTO tax_rate (country, rate_bp) VALUES ('DE', 1900), ('FR', 2000), ('NL', 2100);
