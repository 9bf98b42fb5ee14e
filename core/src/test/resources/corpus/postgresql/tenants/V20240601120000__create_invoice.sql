CREATE TABLE "order" (
    id bigserial PRIMARY KEY,
    tenant_id bigint NOT NULL REFERENCES tenant (id),
    amount_cents INTEGER NOT NULL
);
