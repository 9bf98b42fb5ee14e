UPDATE comment SET approved = true WHERE NOT approved AND created_at < '2024-01-01';
