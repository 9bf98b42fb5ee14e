package dev.autobaseline.engine;

import java.sql.Connection;
import java.sql.SQLException;

import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.HostNamed;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.log.EngineLog;
import dev.autobaseline.replay.FlywayQuieter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Adopts a database into Flyway, then lets Flyway migrate it. Call {@link #migrate(Flyway)} where
 * you would call {@code flyway.migrate()}: from a {@code FlywayMigrationStrategy} (the
 * auto-configuration does), or for your own {@code Flyway} beans.
 */
public class Autobaseline {

	private static final EngineLog logger = EngineLog.of(Autobaseline.class);

	private final AutobaselineSettings settings;

	private final LiveDatabaseResolver liveDatabases;

	private final FlywayQuieter quieter;

	private final Naming naming;

	private volatile AdoptionReport lastReport;

	public Autobaseline(AutobaselineSettings settings) {
		this(settings, LiveDatabaseResolver.FROM_FLYWAY, FlywayQuieter.NONE);
	}

	public Autobaseline(AutobaselineSettings settings, LiveDatabaseResolver liveDatabases, FlywayQuieter quieter) {
		this(settings, liveDatabases, quieter, Naming.SPRING_BOOT);
	}

	/**
	 * The engine for a host.
	 * @param naming how the host's user names what they set, in every refusal and error
	 */
	public Autobaseline(AutobaselineSettings settings, LiveDatabaseResolver liveDatabases, FlywayQuieter quieter,
			Naming naming) {
		this.settings = settings;
		this.liveDatabases = liveDatabases;
		this.quieter = quieter;
		this.naming = naming;
	}

	/**
	 * The engine for an application without Spring Boot, which builds its own {@code Flyway}:
	 * {@code Autobaseline.builder().url(url).user(user).password(password).build().migrate(flyway)}.
	 */
	public static AutobaselineBuilder builder() {
		return new AutobaselineBuilder();
	}

	/** The report of the last {@link #migrate(Flyway)} that finished, or {@code null}. */
	public AdoptionReport lastReport() {
		return this.lastReport;
	}

	/**
	 * Adopts the database if it has objects but no Flyway history, then migrates it.
	 * @throws AdoptionRefusedException when the database cannot be adopted safely; nothing was written
	 */
	public AdoptionReport migrate(Flyway flyway) {
		try {
			return adoptThenMigrate(flyway);
		}
		catch (RuntimeException ex) {
			if (ex instanceof HostNamed named) {
				named.nameFor(this.naming::rename);
			}
			throw ex;
		}
	}

	private AdoptionReport adoptThenMigrate(Flyway flyway) {
		FlywayVersions.check();
		long started = System.nanoTime();
		Configuration configuration = flyway.getConfiguration();
		LiveDatabase live = this.liveDatabases.resolve(configuration);
		try {
			Dialect dialect = Dialect.forUrl(live.resolveJdbcUrl());
			SettingsCheck.check(this.settings, dialect);
			HistoryTable history;
			AdoptionLock lock;
			boolean locksEveryBoot = dialect.locksEveryBoot(this.settings.dryRun());
			if (!locksEveryBoot) {
				HistoryRows.FastPath fastPath;
				try (Connection connection = dialect.openFastPath(live, this.settings.dryRun())) {
					dialect.checkSupported(connection, this.settings.mysqlEnabled());
					fastPath = HistoryRows.fastPath(connection, dialect, configuration);
					Boot.endTransaction(connection);
				}
				// Fast path: applied rows and none failed. Every boot of an adopted application ends here.
				if (fastPath != null && fastPath.managed()) {
					return finish(new Boot(this.settings, this.quieter, this.naming, flyway, configuration, live, dialect,
							fastPath.history(), started)
						.migrateManaged(SchemaState.MANAGED));
				}
			}
			try (Connection connection = dialect.openInspection(live, this.settings.dryRun())) {
				if (locksEveryBoot) {
					// An engine locked on every boot counts the rows under the lock: one connection less before it.
					dialect.checkSupported(connection, this.settings.mysqlEnabled());
				}
				history = HistoryTable.locate(configuration, dialect, connection);
				lock = dialect.adoptionLock(live, connection, history.qualified(), this.settings.dryRun());
				Boot.endTransaction(connection);
			}
			Boot boot = new Boot(this.settings, this.quieter, this.naming, flyway, configuration, live, dialect,
					history, started);
			try (AdoptionLock.Held held = lock.acquire(this.settings.lockTimeout())) {
				return finish(boot.underLock(held));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(this.naming.rename("Flyway Autobaseline could not inspect the database ("
					+ ex.getMessage() + "). Check spring.datasource.url (or spring.flyway.url) and that the database is"
					+ " reachable and of the engine the URL names; nothing was written."), ex);
		}
	}

	private AdoptionReport finish(AdoptionReport report) {
		this.lastReport = report;
		logger.info(this.naming.rename(report.summary()));
		return report;
	}

}
