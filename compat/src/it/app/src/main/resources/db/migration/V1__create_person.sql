-- Every migration here is the same SQL on SQLite, PostgreSQL and MariaDB.
CREATE TABLE person (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
