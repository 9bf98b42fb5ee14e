INSERT INTO plan (code, name, monthly_cents) VALUES ('free', 'Free', 0), ('team', 'Team', 4900), ('scale', 'Scale', 19900);
