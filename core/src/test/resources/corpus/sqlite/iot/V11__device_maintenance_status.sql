UPDATE device SET status = 'maintenance' WHERE firmware = '0.9-beta';
