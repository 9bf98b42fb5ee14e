UPDATE return_request SET status = 'CLOSED' WHERE status = 'OPEN' AND reason IS NULL;
