CREATE TABLE usage_daily (
    tenant_id bigint NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    day date NOT NULL,
    api_calls INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day)
);
