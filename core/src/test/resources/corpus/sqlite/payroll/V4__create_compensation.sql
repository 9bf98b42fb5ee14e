CREATE TABLE compensation (
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    effective_from TEXT NOT NULL,
    salary_cents INTEGER NOT NULL,
    PRIMARY KEY (employee_id, effective_from)
);
