CREATE TABLE audit_log (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id BIGINT NULL,
    table_name VARCHAR(60) NOT NULL,
    action VARCHAR(10) NOT NULL,
    at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- One trigger per event on MariaDB.
CREATE TRIGGER subscription_audit_insert AFTER INSERT ON subscription
    FOR EACH ROW INSERT INTO audit_log (tenant_id, table_name, action) VALUES (NEW.tenant_id, 'subscription', 'INSERT');
CREATE TRIGGER subscription_audit_update AFTER UPDATE ON subscription
FOR EACH ROW
BEGIN
    IF NOT (NEW.status <=> OLD.status AND NEW.plan_code <=> OLD.plan_code AND NEW.ends_at <=> OLD.ends_at) THEN
        INSERT INTO audit_log (tenant_id, table_name, action) VALUES (NEW.tenant_id, 'subscription', 'UPDATE');
    END IF;
END;
