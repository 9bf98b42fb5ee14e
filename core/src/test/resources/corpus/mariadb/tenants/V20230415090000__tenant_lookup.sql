CREATE INDEX app_user_email_idx ON app_user (email);
-- The application sets @app_tenant_id on each connection it borrows.
CREATE FUNCTION current_tenant_id() RETURNS BIGINT
    NOT DETERMINISTIC NO SQL
    RETURN NULLIF(@app_tenant_id, '');
