DELETE FROM reading WHERE device_id IN (SELECT id FROM device WHERE serial LIKE 'TEST-%');
DELETE FROM device WHERE serial LIKE 'TEST-%';
