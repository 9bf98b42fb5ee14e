CREATE TABLE compensation (
    employee_id BIGINT NOT NULL,
    effective_from DATE NOT NULL,
    salary_cents INT NOT NULL,
    PRIMARY KEY (employee_id, effective_from),
    CONSTRAINT compensation_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
) ENGINE=InnoDB;
