CREATE TABLE employee (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id INT NULL,
    first_name VARCHAR(80) NOT NULL,
    last_name VARCHAR(80) NOT NULL,
    hired_on DATE NOT NULL,
    salary_cents INT NOT NULL,
    CONSTRAINT employee_department_fk FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB;
