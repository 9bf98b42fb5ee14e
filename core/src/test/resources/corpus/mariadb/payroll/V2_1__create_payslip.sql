CREATE TABLE payslip (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    employee_id BIGINT NOT NULL,
    pay_period_id INT NOT NULL,
    gross_cents INT NOT NULL,
    tax_cents INT NOT NULL DEFAULT 0,
    net_cents INT GENERATED ALWAYS AS (gross_cents - tax_cents) STORED,
    UNIQUE KEY payslip_employee_period_uk (employee_id, pay_period_id),
    CONSTRAINT payslip_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id),
    CONSTRAINT payslip_pay_period_fk FOREIGN KEY (pay_period_id) REFERENCES pay_period (id)
) ENGINE=InnoDB;
