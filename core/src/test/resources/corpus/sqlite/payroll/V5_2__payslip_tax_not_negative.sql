PRAGMA foreign_keys = OFF;
CREATE TABLE payslip_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    employee_id INTEGER NOT NULL REFERENCES employee (id),
    pay_period_id INTEGER NOT NULL REFERENCES pay_period (id),
    gross_cents INTEGER NOT NULL,
    tax_cents INTEGER NOT NULL DEFAULT 0 CHECK (tax_cents >= 0),
    net_cents INTEGER GENERATED ALWAYS AS (gross_cents - tax_cents) STORED,
    UNIQUE (employee_id, pay_period_id)
);
INSERT INTO payslip_new (id, employee_id, pay_period_id, gross_cents, tax_cents)
SELECT id, employee_id, pay_period_id, gross_cents, tax_cents FROM payslip;
DROP TABLE payslip;
ALTER TABLE payslip_new RENAME TO payslip;
PRAGMA foreign_keys = ON;
