-- Names as the .NET service that shares the database spells them (lower_case_table_names=0 keeps the case).
CREATE TABLE `ApiKey` (
    `Id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `TenantId` BIGINT NOT NULL,
    `Prefix` VARCHAR(12) NOT NULL UNIQUE,
    `HashedSecret` VARCHAR(128) NOT NULL,
    CONSTRAINT `FK_ApiKey_Tenant` FOREIGN KEY (`TenantId`) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
