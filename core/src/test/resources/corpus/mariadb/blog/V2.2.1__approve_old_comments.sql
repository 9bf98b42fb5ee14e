UPDATE comment SET approved = TRUE WHERE NOT approved AND created_at < '2024-01-01';
