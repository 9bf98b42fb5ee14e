-- No schemas inside a database on MariaDB: the util_ prefix stands for the util schema.
DELIMITER //
CREATE FUNCTION util_slugify(value VARCHAR(255)) RETURNS VARCHAR(255)
    DETERMINISTIC NO SQL
BEGIN
    RETURN TRIM(BOTH '-' FROM REGEXP_REPLACE(LOWER(value), '[^a-z0-9]+', '-'));
END//
DELIMITER ;
