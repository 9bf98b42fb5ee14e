-- Release 2.0: who was at a meal, so that its expenses can be split among them.
CREATE TABLE meal_guest (
    meal_id   VARCHAR(36) NOT NULL REFERENCES meal (id),
    person_id VARCHAR(36) NOT NULL REFERENCES person (id),
    PRIMARY KEY (meal_id, person_id)
);
