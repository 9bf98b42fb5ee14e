-- Release 1.0: the people who share meals, and the meals.
-- Identifiers are UUID strings made by the application, so this script runs
-- unchanged on SQLite and PostgreSQL.
CREATE TABLE person (
    id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE meal (
    id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    title    VARCHAR(200) NOT NULL,
    eaten_on DATE         NOT NULL
);
