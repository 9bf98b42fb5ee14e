DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'leave_request_employee_idx') THEN
        CREATE INDEX leave_request_employee_idx ON leave_request (employee_id, starts_on);
    END IF;
END
$$;
