package dev.autobaseline.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.replay.FlywayQuieter;
import dev.autobaseline.replay.JavaMigrationBeans;
import dev.autobaseline.replay.OnAmbiguous;

/**
 * Builds the engine for an application without Spring Boot. Each method is the
 * {@code autobaseline.*} property of the same name in camel case ({@code autobaseline.dry-run}
 * is {@link #dryRun(boolean)}), with the same default; refusals name these methods.
 *
 * <p>Give it the live database's URL and credentials: the lock and the shadow open connections
 * of their own, and a {@code DataSource} alone has no password. Without {@link #url(String)} it
 * takes what the {@code Flyway} was configured with ({@code Flyway.configure().dataSource(url,
 * user, password)}).
 */
public final class AutobaselineBuilder {

	private static final AutobaselineSettings DEFAULTS = AutobaselineSettings.defaults();

	private String url;

	private String user;

	private String password;

	private FlywayQuieter quieter = FlywayLogQuieter.INSTANCE;

	private Mode mode = DEFAULTS.mode();

	private String fixedVersion = DEFAULTS.fixedVersion();

	private MatchLevel match = DEFAULTS.match();

	private OnAmbiguous onAmbiguous = DEFAULTS.onAmbiguous();

	private List<String> ignoreTables = DEFAULTS.ignoreTables();

	private boolean dryRun = DEFAULTS.dryRun();

	private boolean rebaseline = DEFAULTS.rebaseline();

	private ShadowSettings shadow = DEFAULTS.shadow();

	private Duration lockTimeout = DEFAULTS.lockTimeout();

	private Duration replayTimeout = DEFAULTS.replayTimeout();

	private boolean backupEnabled = DEFAULTS.backupEnabled();

	private Path backupDirectory = DEFAULTS.backupDirectory();

	private RecordMode record = DEFAULTS.record();

	private boolean repair = DEFAULTS.repair();

	private boolean verifyManaged = DEFAULTS.verifyManaged();

	private boolean allowClusterStatements = DEFAULTS.allowClusterStatements();

	private JavaMigrationBeans javaMigrationBeans = DEFAULTS.javaMigrationBeans();

	private boolean mysqlEnabled = DEFAULTS.mysqlEnabled();

	AutobaselineBuilder() {
	}

	/** The live database's JDBC URL: the one the {@code Flyway}'s {@code DataSource} connects to. */
	public AutobaselineBuilder url(String url) {
		this.url = url;
		return this;
	}

	/** The live database's user. */
	public AutobaselineBuilder user(String user) {
		this.user = user;
		return this;
	}

	/** The live database's password. */
	public AutobaselineBuilder password(String password) {
		this.password = password;
		return this;
	}

	/** {@code DETECT} (default) finds the version by replay; {@code FIXED} takes {@link #fixedVersion(String)}. */
	public AutobaselineBuilder mode(Mode mode) {
		this.mode = mode;
		return this;
	}

	/** The version to baseline at in {@code FIXED} mode; Flyway's baseline version when not set. */
	public AutobaselineBuilder fixedVersion(String fixedVersion) {
		this.fixedVersion = fixedVersion;
		return this;
	}

	/** How closely live must match a replayed version: {@code COLUMNS} by default. */
	public AutobaselineBuilder match(MatchLevel match) {
		this.match = match;
		return this;
	}

	/** Which of a run of equally good versions to take: {@code HIGHEST} by default. */
	public AutobaselineBuilder onAmbiguous(OnAmbiguous onAmbiguous) {
		this.onAmbiguous = onAmbiguous;
		return this;
	}

	/** Glob patterns of live tables that no migration creates, left out of the comparison. */
	public AutobaselineBuilder ignoreTables(String... patterns) {
		this.ignoreTables = List.of(patterns);
		return this;
	}

	/** Detect and log the plan, write nothing, and do not migrate. */
	public AutobaselineBuilder dryRun(boolean dryRun) {
		this.dryRun = dryRun;
		return this;
	}

	/** Rewrite a BASELINE row that disagrees with the detected version. */
	public AutobaselineBuilder rebaseline(boolean rebaseline) {
		this.rebaseline = rebaseline;
		return this;
	}

	/** An empty database of live's engine to replay into, for a user who may not create databases. */
	public AutobaselineBuilder shadowUrl(String shadowUrl) {
		this.shadow = new ShadowSettings(shadowUrl, this.shadow.username(), this.shadow.password());
		return this;
	}

	/** The shadow's user; live's when not set. */
	public AutobaselineBuilder shadowUsername(String shadowUsername) {
		this.shadow = new ShadowSettings(this.shadow.url(), shadowUsername, this.shadow.password());
		return this;
	}

	/** The shadow's password; live's when not set. */
	public AutobaselineBuilder shadowPassword(String shadowPassword) {
		this.shadow = new ShadowSettings(this.shadow.url(), this.shadow.username(), shadowPassword);
		return this;
	}

	/** How long to wait for another instance's adoption: 60 s by default. */
	public AutobaselineBuilder lockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
		return this;
	}

	/** The bound on the replay: 10 min by default. */
	public AutobaselineBuilder replayTimeout(Duration replayTimeout) {
		this.replayTimeout = replayTimeout;
		return this;
	}

	/** Replay scripts whose statements reach past the shadow (roles, server settings) when harmless. */
	public AutobaselineBuilder replayAllowClusterStatements(boolean allow) {
		this.allowClusterStatements = allow;
		return this;
	}

	/** Whether a SQLite database is copied before the first write: yes by default. */
	public AutobaselineBuilder backupEnabled(boolean backupEnabled) {
		this.backupEnabled = backupEnabled;
		return this;
	}

	/** Where SQLite backups go: next to the database by default. */
	public AutobaselineBuilder backupDirectory(Path backupDirectory) {
		this.backupDirectory = backupDirectory;
		return this;
	}

	/** {@code BASELINE} (default): one BASELINE row; {@code HISTORY}: a row per migration up to the version. */
	public AutobaselineBuilder record(RecordMode record) {
		this.record = record;
		return this;
	}

	/** Remove failed rows when the schema matches the last successful version, then migrate. */
	public AutobaselineBuilder repair(boolean repair) {
		this.repair = repair;
		return this;
	}

	/** Replay on managed boots too and refuse a schema that drifted from its history. */
	public AutobaselineBuilder verifyManaged(boolean verifyManaged) {
		this.verifyManaged = verifyManaged;
		return this;
	}

	/** Whether {@code JavaMigration}s given as objects are stubbed ({@code STUB}, default) or run in the replay. */
	public AutobaselineBuilder replayJavaMigrationBeans(JavaMigrationBeans javaMigrationBeans) {
		this.javaMigrationBeans = javaMigrationBeans;
		return this;
	}

	/** Adopt MySQL servers too (the MariaDB dialect was tested on MariaDB only). */
	public AutobaselineBuilder mysqlEnabled(boolean mysqlEnabled) {
		this.mysqlEnabled = mysqlEnabled;
		return this;
	}

	/** How Flyway is quietened during the replay; by default Flyway's own INFO lines are held back. */
	public AutobaselineBuilder quieter(FlywayQuieter quieter) {
		this.quieter = quieter;
		return this;
	}

	/** The engine; call its {@link Autobaseline#migrate(org.flywaydb.core.Flyway)} where you would call {@code flyway.migrate()}. */
	public Autobaseline build() {
		LiveDatabaseResolver live = (this.url == null) ? LiveDatabaseResolver.FROM_FLYWAY
				: (configuration) -> new LiveDatabase(configuration.getDataSource(), this.url, this.user, this.password);
		return new Autobaseline(settings(), live, this.quieter, Naming.PLAIN);
	}

	/** The settings the builder holds now. */
	AutobaselineSettings settings() {
		return new AutobaselineSettings(this.mode, this.fixedVersion, this.match, this.onAmbiguous, this.ignoreTables,
				this.dryRun, this.rebaseline, this.shadow, this.lockTimeout, this.replayTimeout, this.backupEnabled,
				this.backupDirectory, this.record, this.repair, this.verifyManaged, this.allowClusterStatements,
				this.javaMigrationBeans, this.mysqlEnabled);
	}

}
