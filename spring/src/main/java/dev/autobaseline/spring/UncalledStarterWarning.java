package dev.autobaseline.spring;

import java.util.Arrays;

import dev.autobaseline.engine.Autobaseline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Warns, once the application is ready, when the starter is enabled but nothing called it: the
 * application defines its own Flyway beans (Spring Boot then runs no Flyway initializer) or its
 * own {@code FlywayMigrationStrategy} that does not call {@link Autobaseline#migrate(Flyway)}.
 * Databases were then migrated, or refused, by plain Flyway. The line's glue names its
 * {@code FlywayMigrationInitializer} and {@code FlywayMigrationStrategy} types.
 */
public final class UncalledStarterWarning implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(UncalledStarterWarning.class);

	private final Autobaseline autobaseline;

	private final ListableBeanFactory beans;

	private final Class<?> initializerType;

	private final Class<?> strategyType;

	public UncalledStarterWarning(Autobaseline autobaseline, ListableBeanFactory beans, Class<?> initializerType,
			Class<?> strategyType) {
		this.autobaseline = autobaseline;
		this.beans = beans;
		this.initializerType = initializerType;
		this.strategyType = strategyType;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext().getBeanFactory() != this.beans) {
			return;
		}
		String warning = warning();
		if (warning != null) {
			logger.warn(warning);
		}
	}

	/** The warning to log, or {@code null} when the starter was called or there is nothing to migrate. */
	String warning() {
		if (this.autobaseline.lastReport() != null) {
			return null;
		}
		String[] flyways = this.beans.getBeanNamesForType(Flyway.class, false, false);
		if (flyways.length == 0) {
			return null;
		}
		String[] ourStrategy = this.beans.getBeanNamesForType(StarterMigration.class, false, false);
		if (ourStrategy.length > 0 && this.beans.getBean(ourStrategy[0], StarterMigration.class).wasCalled()) {
			return null;
		}
		String[] initializers = this.beans.getBeanNamesForType(this.initializerType, false, false);
		if (initializers.length == 0) {
			return "autobaseline: the application defines its own Flyway bean" + ((flyways.length > 1) ? "s " : " ")
					+ String.join(", ", Arrays.asList(flyways)) + ", so Spring Boot runs no Flyway initializer and"
					+ " nothing called the starter: no database was adopted. Call Autobaseline.migrate(flyway) for each"
					+ " Flyway bean where it calls flyway.migrate() (see the README), or set autobaseline.enabled=false.";
		}
		if (ourStrategy.length == 0) {
			String[] strategies = this.beans.getBeanNamesForType(this.strategyType, false, false);
			return "autobaseline: the application's own FlywayMigrationStrategy (" + String.join(", ", strategies)
					+ ") replaces the starter's and did not call it: no database was adopted. Call"
					+ " Autobaseline.migrate(flyway) from it instead of flyway.migrate() (see the README), or set"
					+ " autobaseline.enabled=false.";
		}
		return null;
	}

}
