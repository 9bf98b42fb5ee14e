CREATE TABLE compensation (
    employee_id bigint NOT NULL REFERENCES employee (id),
    effective_from date NOT NULL,
    salary_cents INTEGER NOT NULL,
    PRIMARY KEY (employee_id, effective_from)
);
