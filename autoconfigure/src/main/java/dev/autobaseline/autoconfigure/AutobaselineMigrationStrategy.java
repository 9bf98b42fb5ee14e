package dev.autobaseline.autoconfigure;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * The starter's {@link FlywayMigrationStrategy}: adopts, then lets Flyway migrate, through
 * {@link Autobaseline#migrate(Flyway)}.
 * <p>
 * An embedded in-memory database Spring built (the DataSource {@code @AutoConfigureTestDatabase}
 * puts in place of the configured one) is new and empty by construction, and of an engine the
 * starter does not adopt: Flyway migrates it as usual.
 */
final class AutobaselineMigrationStrategy implements FlywayMigrationStrategy {

	private static final Log logger = LogFactory.getLog(AutobaselineMigrationStrategy.class);

	private final Autobaseline autobaseline;

	private final HibernateDdlAutoWarning ddlAutoWarning;

	private volatile boolean called;

	AutobaselineMigrationStrategy(Autobaseline autobaseline, HibernateDdlAutoWarning ddlAutoWarning) {
		this.autobaseline = autobaseline;
		this.ddlAutoWarning = ddlAutoWarning;
	}

	@Override
	public void migrate(Flyway flyway) {
		this.called = true;
		if (ConnectionDetailsLiveDatabaseResolver.isEmbedded(flyway.getConfiguration().getDataSource())) {
			logger.info("autobaseline: an embedded in-memory database replaces the configured one (as"
					+ " @AutoConfigureTestDatabase does); it is new, so there is nothing to adopt: Flyway migrates it");
			flyway.migrate();
			return;
		}
		AdoptionReport report = this.autobaseline.migrate(flyway);
		this.ddlAutoWarning.warnAfter(report);
	}

	/** Whether Spring Boot's Flyway initializer called this strategy. */
	boolean wasCalled() {
		return this.called;
	}

}
