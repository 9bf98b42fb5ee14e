ALTER TYPE employment_type RENAME VALUE 'contractor' TO 'freelance';
