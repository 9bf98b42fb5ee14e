CREATE INDEX app_user_email_idx ON app_user (email);
CREATE FUNCTION current_tenant_id() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('app.tenant_id', true), '')::bigint
$$;
