package dev.autobaseline.autoconfigure;

import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.spring.HibernateDdlAutoWarning;
import dev.autobaseline.spring.StarterMigration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * The starter's {@link FlywayMigrationStrategy} on Spring Boot 4: adopts, then lets Flyway
 * migrate, as {@link StarterMigration} does on every line.
 */
final class AutobaselineMigrationStrategy extends StarterMigration implements FlywayMigrationStrategy {

	AutobaselineMigrationStrategy(Autobaseline autobaseline, HibernateDdlAutoWarning ddlAutoWarning) {
		super(autobaseline, ddlAutoWarning);
	}

}
