-- The schema release 1.1 created by hand, before the application used Flyway.
-- It is what db/migration/V1 and V2 produce; a database built from it has no
-- flyway_schema_history table. Build one with the seed-legacy profile (see the
-- README) and watch the starter adopt it at version 2.
CREATE TABLE person (
    id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE meal (
    id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    title    VARCHAR(200) NOT NULL,
    eaten_on DATE         NOT NULL
);

CREATE TABLE expense (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    meal_id      VARCHAR(36)  NOT NULL REFERENCES meal (id),
    paid_by      VARCHAR(36)  NOT NULL REFERENCES person (id),
    amount_cents INTEGER      NOT NULL,
    note         VARCHAR(200)
);
