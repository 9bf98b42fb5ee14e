DROP TRIGGER subscription_audit;
CREATE TRIGGER subscription_audit AFTER UPDATE OF plan_code, status ON subscription
BEGIN
    INSERT INTO audit_log (tenant_id, table_name, action) VALUES (NEW.tenant_id, 'subscription', 'UPDATE');
END;
