CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id INTEGER,
    table_name VARCHAR(60) NOT NULL,
    action VARCHAR(10) NOT NULL,
    at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TRIGGER subscription_audit AFTER UPDATE ON subscription
BEGIN
    INSERT INTO audit_log (tenant_id, table_name, action) VALUES (NEW.tenant_id, 'subscription', 'UPDATE');
END;
