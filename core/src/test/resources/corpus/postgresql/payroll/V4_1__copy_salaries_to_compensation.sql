INSERT INTO compensation (employee_id, effective_from, salary_cents)
SELECT id, hired_on, salary_cents FROM employee;
