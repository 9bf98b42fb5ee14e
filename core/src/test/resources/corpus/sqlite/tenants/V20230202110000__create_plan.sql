CREATE TABLE plan (
    code VARCHAR(20) PRIMARY KEY,
    name VARCHAR(60) NOT NULL,
    monthly_cents INTEGER NOT NULL
);
