CREATE TABLE `order` (
    id SERIAL PRIMARY KEY,
    tenant_id BIGINT NOT NULL,
    amount_cents INT NOT NULL,
    CONSTRAINT order_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
