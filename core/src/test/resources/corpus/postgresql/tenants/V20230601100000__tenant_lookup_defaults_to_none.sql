CREATE OR REPLACE FUNCTION current_tenant_id() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT COALESCE(NULLIF(current_setting('app.tenant_id', true), ''), '0')::bigint
$$;
