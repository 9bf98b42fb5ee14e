-- Release 1.1: who paid how much for a meal.
CREATE TABLE expense (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    meal_id      VARCHAR(36)  NOT NULL REFERENCES meal (id),
    paid_by      VARCHAR(36)  NOT NULL REFERENCES person (id),
    amount_cents INTEGER      NOT NULL,
    note         VARCHAR(200)
);
