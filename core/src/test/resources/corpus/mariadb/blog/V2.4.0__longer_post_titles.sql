-- MariaDB keeps the view across the type change: no drop and re-create as on PostgreSQL.
ALTER TABLE post MODIFY title VARCHAR(300) NOT NULL;
