package dev.autobaseline.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.log.EngineLog;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Replays the application's migrations into an empty shadow database in one {@code migrate()}
 * pass and snapshots the catalog after each versioned migration.
 * <p>
 * Isolation: SQL migrations and SQL callbacks run on the shadow; Java migrations Flyway
 * instantiates from its locations run (they reach the database through Flyway's context); Java
 * {@code Callback} beans do not run; {@code JavaMigration} beans are replaced by inert stand-ins.
 */
public final class ShadowReplay {

	private static final EngineLog logger = EngineLog.of(ShadowReplay.class);

	private final Dialect dialect;

	private final LiveDatabase live;

	private final ShadowSettings shadowSettings;

	private final FlywayQuieter quieter;

	private final java.time.Duration timeout;

	private final boolean allowClusterStatements;

	private JavaMigrationBeans javaMigrationBeans = JavaMigrationBeans.STUB;

	private SnapshotPolicy policy = SnapshotPolicy.ALWAYS_FULL;

	/**
	 * @param allowClusterStatements whether to replay scripts whose statements reach past the
	 * shadow (see {@link ClusterStatements}) where the engine has them
	 */
	public ShadowReplay(Dialect dialect, LiveDatabase live, ShadowSettings shadowSettings, java.time.Duration timeout,
			boolean allowClusterStatements, FlywayQuieter quieter) {
		this.dialect = dialect;
		this.allowClusterStatements = allowClusterStatements;
		this.live = live;
		this.shadowSettings = shadowSettings;
		this.timeout = timeout;
		this.quieter = quieter;
	}

	/** Which versions are read in full (every one by default); the others get a signature. */
	public ShadowReplay snapshots(SnapshotPolicy policy) {
		this.policy = policy;
		return this;
	}

	/** Whether {@code JavaMigration} beans run during the replay or are stubbed (the default). */
	public ShadowReplay javaMigrationBeans(JavaMigrationBeans javaMigrationBeans) {
		this.javaMigrationBeans = javaMigrationBeans;
		return this;
	}

	/**
	 * Replays every versioned migration of the live configuration, always to the last one.
	 * @param defaultSchema the schema Flyway uses on live: the replay uses the shadow's name for it
	 * ({@link Shadow#schemaFor}), so that relations land where their keys compare with live's
	 * @param schemas the schemas Flyway manages on live, mapped the same way
	 */
	public ReplayResult replay(Configuration liveConfiguration, String defaultSchema, List<String> schemas)
			throws SQLException {
		if (this.dialect.hasClusterWideStatements() && !this.allowClusterStatements) {
			refuseClusterStatements(liveConfiguration);
		}
		List<String> liveSchemas = new java.util.ArrayList<>();
		if (defaultSchema != null) {
			liveSchemas.add(defaultSchema);
		}
		schemas.stream().filter((schema) -> !liveSchemas.contains(schema)).forEach(liveSchemas::add);
		this.dialect.checkReplaySchemas(liveSchemas);
		refuseScriptsThatLeaveTheShadow(liveConfiguration, liveSchemas);
		Set<String> skippedExtensions = new HashSet<>();
		while (true) {
			try (Shadow shadow = this.dialect.openShadow(this.live, this.shadowSettings, skippedExtensions,
					this.timeout)) {
				logger.debug("Replaying migrations into " + shadow.description());
				try {
					return replayInto(shadow, liveConfiguration, defaultSchema, schemas);
				}
				catch (FlywayException ex) {
					// A script creates an extension we pre-created from live: retry without it.
					Optional<String> conflict = this.dialect.preCreatedExtensionConflict(ex);
					if (conflict.isEmpty() || !skippedExtensions.add(conflict.get())) {
						throw failure(shadow, ex);
					}
				}
			}
		}
	}

	private ReplayResult replayInto(Shadow shadow, Configuration liveConfiguration, String defaultSchema,
			List<String> schemas) throws SQLException {
		CatalogSnapshot empty;
		try (Connection connection = shadow.dataSource().getConnection()) {
			empty = this.dialect.readCatalog(connection);
		}
		Set<MigrationVersion> inertVersions = (this.javaMigrationBeans == JavaMigrationBeans.RUN) ? Set.of()
				: Arrays.stream(liveConfiguration.getJavaMigrations())
			.map(JavaMigration::getVersion)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		// Live's schema names as the shadow knows them: its default schema (and so the history table
		// and ${flyway:defaultSchema}), the schemas it manages, and those a provided shadow's cleaning removes.
		FluentConfiguration configuration = Flyway.configure(liveConfiguration.getClassLoader())
			.configuration(liveConfiguration)
			.dataSource(shadow.dataSource())
			.defaultSchema((defaultSchema != null) ? shadow.schemaFor(defaultSchema) : null)
			.schemas(schemas.stream().map(shadow::schemaFor).distinct().toArray(String[]::new))
			.javaMigrations((this.javaMigrationBeans == JavaMigrationBeans.RUN) ? liveConfiguration.getJavaMigrations()
					: inert(liveConfiguration.getJavaMigrations()))
			.target(MigrationVersion.LATEST)
			.baselineOnMigrate(false)
			.skipExecutingMigrations(false)
			.cleanDisabled(!shadow.cleanAfterUse());
		SnapshotCallback snapshots;
		try (FlywayQuieter.Quiet quiet = this.quieter.quiet()) {
			snapshots = new SnapshotCallback(this.dialect, empty, inertVersions, this.policy, shadow.description(),
					versionsToReplay(configuration));
			configuration.callbacks(snapshots, new ReplayDeadline(this.timeout)).load().migrate();
			snapshots.replayFinished();
		}
		finally {
			if (shadow.cleanAfterUse()) {
				Flyway.configure(liveConfiguration.getClassLoader())
					.configuration(configuration)
					.callbacks(new Callback[0])
					.load()
					.clean();
			}
			// Flyway's LogFactory keeps the last configuration loaded in a static field: the replay's
			// would keep the snapshot callback, and every snapshot, reachable for the application's life.
			org.flywaydb.core.api.logging.LogFactory.setConfiguration(liveConfiguration);
		}
		return snapshots.result();
	}

	/**
	 * How many versioned migrations the replay will apply, for the progress lines; -1 when Flyway
	 * cannot tell. Resolving the migrations costs about 1 % of a replay (0.05 ms a migration on
	 * SQLite); no callback runs for it, SQL ones included.
	 */
	private static int versionsToReplay(FluentConfiguration replay) {
		try {
			return (int) Arrays.stream(Flyway.configure(replay.getClassLoader())
				.configuration(replay)
				.callbacks(new Callback[0])
				.skipDefaultCallbacks(true)
				.load()
				.info()
				.pending()).filter((migration) -> migration.getVersion() != null).count();
		}
		catch (RuntimeException ex) {
			// The replay itself reports what is wrong with the migrations.
			return -1;
		}
	}

	/** Refuses before any shadow exists when a script would reach past it into the live cluster. */
	private static void refuseClusterStatements(Configuration configuration) {
		java.util.Map<String, List<String>> found = new java.util.TreeMap<>();
		try {
			MigrationScripts.read(configuration).forEach((script, sql) -> {
				List<String> statements = ClusterStatements.find(sql);
				if (!statements.isEmpty()) {
					found.put(script, statements);
				}
			});
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Flyway Autobaseline could not read the migration scripts to check them"
					+ " for cluster-wide statements: " + ex.getMessage(), ex);
		}
		if (!found.isEmpty()) {
			throw new ClusterStatementsException(found);
		}
	}

	/**
	 * Refuses before any shadow exists what the dialect's scan finds: statements that leave the
	 * shadow for a live database always, those that reach the server unless allowed.
	 */
	private void refuseScriptsThatLeaveTheShadow(Configuration configuration, List<String> liveSchemas) {
		dev.autobaseline.dialect.ScriptFindings findings;
		try {
			findings = this.dialect.scanScripts(configuration, MigrationScripts.read(configuration), liveSchemas,
					this.live);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Flyway Autobaseline could not ask the server what the migration scripts"
					+ " may reach (its databases, its sql_mode): " + ex.getMessage(), ex);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Flyway Autobaseline could not read the migration scripts to check them"
					+ " for statements that leave the shadow: " + ex.getMessage(), ex);
		}
		if (!findings.escaping().isEmpty()) {
			throw new ClusterStatementsException(findings.escaping(), "the live database", false);
		}
		if (!findings.serverWide().isEmpty() && !this.allowClusterStatements) {
			throw new ClusterStatementsException(findings.serverWide(), findings.reach(), true);
		}
	}

	/**
	 * A replay that failed: timed out when the deadline passed between migrations or a statement
	 * ran into the engine's session limits, failed otherwise.
	 */
	private RuntimeException failure(Shadow shadow, FlywayException failure) {
		boolean deadline = false;
		Dialect.ReplayLimit limit = Dialect.ReplayLimit.NONE;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			deadline |= cause instanceof ReplayDeadline.Expired;
			if (cause instanceof SQLException sql && limit == Dialect.ReplayLimit.NONE) {
				limit = this.dialect.replayLimitHit(sql);
			}
		}
		if (!deadline && limit == Dialect.ReplayLimit.NONE) {
			return new ReplayFailedException(shadow.description(), failure);
		}
		String lockWaitAdvice = (limit == Dialect.ReplayLimit.LOCK_WAIT) ? this.dialect.lockWaitAdvice() : null;
		return new ReplayTimeoutException(shadow.description(), this.timeout, lockWaitAdvice, failure);
	}

	private static JavaMigration[] inert(JavaMigration[] beans) {
		return Arrays.stream(beans).map(InertJavaMigration::new).toArray(JavaMigration[]::new);
	}

}
