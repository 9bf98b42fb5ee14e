PRAGMA foreign_keys = OFF;
CREATE TABLE employee_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_id INTEGER REFERENCES department (id),
    first_name VARCHAR(80) NOT NULL,
    last_name VARCHAR(80) NOT NULL,
    hired_on TEXT NOT NULL,
    salary_cents INTEGER NOT NULL,
    employment_type VARCHAR(20) NOT NULL DEFAULT 'full_time'
        CHECK (employment_type IN ('full_time', 'part_time', 'freelance'))
);
INSERT INTO employee_new SELECT id, department_id, first_name, last_name, hired_on, salary_cents,
    CASE employment_type WHEN 'contractor' THEN 'freelance' ELSE employment_type END FROM employee;
DROP TABLE employee;
ALTER TABLE employee_new RENAME TO employee;
PRAGMA foreign_keys = ON;
