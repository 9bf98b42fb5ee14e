CREATE TABLE payslip (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    pay_period_id INTEGER NOT NULL REFERENCES pay_period (id),
    gross_cents INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL DEFAULT 0,
    net_cents INTEGER GENERATED ALWAYS AS (gross_cents - tax_cents) STORED,
    UNIQUE (employee_id, pay_period_id)
);
