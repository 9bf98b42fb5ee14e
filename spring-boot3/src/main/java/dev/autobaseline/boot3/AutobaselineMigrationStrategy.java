package dev.autobaseline.boot3;

import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.spring.HibernateDdlAutoWarning;
import dev.autobaseline.spring.StarterMigration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * The starter's {@link FlywayMigrationStrategy} on Spring Boot 3: adopts, then lets Flyway
 * migrate, as {@link StarterMigration} does on every line.
 */
final class AutobaselineMigrationStrategy extends StarterMigration implements FlywayMigrationStrategy {

	AutobaselineMigrationStrategy(Autobaseline autobaseline, HibernateDdlAutoWarning ddlAutoWarning) {
		super(autobaseline, ddlAutoWarning);
	}

}
