package dev.autobaseline.spring;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

/**
 * What the starter's {@code FlywayMigrationStrategy} does on every Spring Boot line: adopts, then
 * lets Flyway migrate, through {@link Autobaseline#migrate(Flyway)}. Each line's glue extends it
 * with that line's {@code FlywayMigrationStrategy} interface, whose one method this implements.
 * <p>
 * An embedded in-memory database Spring built (the DataSource {@code @AutoConfigureTestDatabase}
 * puts in place of the configured one) is new and empty by construction, and of an engine the
 * starter does not adopt: Flyway migrates it as usual.
 */
public abstract class StarterMigration {

	private static final Log logger = LogFactory.getLog(StarterMigration.class);

	private final Autobaseline autobaseline;

	private final HibernateDdlAutoWarning ddlAutoWarning;

	private volatile boolean called;

	protected StarterMigration(Autobaseline autobaseline, HibernateDdlAutoWarning ddlAutoWarning) {
		this.autobaseline = autobaseline;
		this.ddlAutoWarning = ddlAutoWarning;
	}

	public void migrate(Flyway flyway) {
		this.called = true;
		if (SpringLiveDatabaseResolver.isEmbedded(flyway.getConfiguration().getDataSource())) {
			logger.info("autobaseline: an embedded in-memory database replaces the configured one (as"
					+ " @AutoConfigureTestDatabase does); it is new, so there is nothing to adopt: Flyway migrates it");
			flyway.migrate();
			return;
		}
		AdoptionReport report = this.autobaseline.migrate(flyway);
		this.ddlAutoWarning.warnAfter(report);
	}

	/** Whether Spring Boot's Flyway initializer called this strategy. */
	public boolean wasCalled() {
		return this.called;
	}

}
