UPDATE comment SET approved = 1 WHERE approved = 0 AND created_at < '2024-01-01';
