CREATE TABLE employee (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_id INTEGER REFERENCES department (id),
    first_name VARCHAR(80) NOT NULL,
    last_name VARCHAR(80) NOT NULL,
    hired_on TEXT NOT NULL,
    salary_cents INTEGER NOT NULL
);
