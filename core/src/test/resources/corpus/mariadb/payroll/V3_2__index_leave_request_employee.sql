-- Some environments had the index made by hand: IF NOT EXISTS instead of a procedural block.
CREATE INDEX IF NOT EXISTS leave_request_employee_idx ON leave_request (employee_id, starts_on);
