CREATE TABLE usage_daily (
    tenant_id INTEGER NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    api_calls INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day)
);
