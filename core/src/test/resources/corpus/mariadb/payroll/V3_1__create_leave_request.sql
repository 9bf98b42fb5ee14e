CREATE TABLE leave_request (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    employee_id BIGINT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    kind VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'requested',
    CONSTRAINT leave_request_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
) ENGINE=InnoDB;
