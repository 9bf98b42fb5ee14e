ALTER TYPE device_status ADD VALUE 'maintenance' BEFORE 'retired';
