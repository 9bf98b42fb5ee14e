-- No citext on MariaDB: a case-insensitive collation on the column.
ALTER TABLE app_user MODIFY email VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL;
