-- The default collation is case-insensitive: compare the bytes to find the lower-case codes.
UPDATE address SET country = UPPER(country) WHERE BINARY country <> BINARY UPPER(country);
