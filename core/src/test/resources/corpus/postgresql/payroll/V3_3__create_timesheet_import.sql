CREATE TABLE timesheet_import (
    line_no INTEGER PRIMARY KEY,
    employee_ref VARCHAR(40) NOT NULL,
    worked_on VARCHAR(10) NOT NULL,
    hours_text VARCHAR(10)
);
