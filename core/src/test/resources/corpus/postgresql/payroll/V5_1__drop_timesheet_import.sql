DROP TABLE timesheet_import;
