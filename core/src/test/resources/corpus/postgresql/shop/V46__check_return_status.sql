ALTER TABLE return_request ADD CONSTRAINT return_request_status_check
    CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED', 'CLOSED'));
