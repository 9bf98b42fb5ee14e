CREATE VIEW department_cost AS
SELECT d.code, COUNT(e.id) AS headcount, SUM(c.salary_cents) AS salary_cents
FROM department d
LEFT JOIN employee e ON e.department_id = d.id
LEFT JOIN compensation c ON c.employee_id = e.id
GROUP BY d.code;
