UPDATE booking SET status = 'cancelled' WHERE status = 'held' AND ends_at < '2024-01-01';
