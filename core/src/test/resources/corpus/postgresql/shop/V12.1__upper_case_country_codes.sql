UPDATE address SET country = UPPER(country) WHERE country <> UPPER(country);
