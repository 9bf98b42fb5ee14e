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

	private AutobaselineSettings settings = AutobaselineSettings.defaults();

	private String url;

	private String user;

	private String password;

	private FlywayQuieter quieter = FlywayLogQuieter.INSTANCE;

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
		return with(mode, s().fixedVersion(), s().match(), s().onAmbiguous(), s().ignoreTables(), s().dryRun(),
				s().rebaseline(), s().shadow());
	}

	/** The version to baseline at in {@code FIXED} mode; Flyway's baseline version when not set. */
	public AutobaselineBuilder fixedVersion(String fixedVersion) {
		return with(s().mode(), fixedVersion, s().match(), s().onAmbiguous(), s().ignoreTables(), s().dryRun(),
				s().rebaseline(), s().shadow());
	}

	/** How closely live must match a replayed version: {@code COLUMNS} by default. */
	public AutobaselineBuilder match(MatchLevel match) {
		return with(s().mode(), s().fixedVersion(), match, s().onAmbiguous(), s().ignoreTables(), s().dryRun(),
				s().rebaseline(), s().shadow());
	}

	/** Which of a run of equally good versions to take: {@code HIGHEST} by default. */
	public AutobaselineBuilder onAmbiguous(OnAmbiguous onAmbiguous) {
		return with(s().mode(), s().fixedVersion(), s().match(), onAmbiguous, s().ignoreTables(), s().dryRun(),
				s().rebaseline(), s().shadow());
	}

	/** Glob patterns of live tables that no migration creates, left out of the comparison. */
	public AutobaselineBuilder ignoreTables(String... patterns) {
		return with(s().mode(), s().fixedVersion(), s().match(), s().onAmbiguous(), List.of(patterns), s().dryRun(),
				s().rebaseline(), s().shadow());
	}

	/** Detect and log the plan, write nothing, and do not migrate. */
	public AutobaselineBuilder dryRun(boolean dryRun) {
		return with(s().mode(), s().fixedVersion(), s().match(), s().onAmbiguous(), s().ignoreTables(), dryRun,
				s().rebaseline(), s().shadow());
	}

	/** Rewrite a BASELINE row that disagrees with the detected version. */
	public AutobaselineBuilder rebaseline(boolean rebaseline) {
		return with(s().mode(), s().fixedVersion(), s().match(), s().onAmbiguous(), s().ignoreTables(), s().dryRun(),
				rebaseline, s().shadow());
	}

	/** An empty database of live's engine to replay into, for a user who may not create databases. */
	public AutobaselineBuilder shadowUrl(String shadowUrl) {
		return shadow(new ShadowSettings(shadowUrl, s().shadow().username(), s().shadow().password()));
	}

	/** The shadow's user; live's when not set. */
	public AutobaselineBuilder shadowUsername(String shadowUsername) {
		return shadow(new ShadowSettings(s().shadow().url(), shadowUsername, s().shadow().password()));
	}

	/** The shadow's password; live's when not set. */
	public AutobaselineBuilder shadowPassword(String shadowPassword) {
		return shadow(new ShadowSettings(s().shadow().url(), s().shadow().username(), shadowPassword));
	}

	/** How long to wait for another instance's adoption: 60 s by default. */
	public AutobaselineBuilder lockTimeout(Duration lockTimeout) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), lockTimeout, s.replayTimeout(),
				s.backupEnabled(), s.backupDirectory(), s.record(), s.repair(), s.verifyManaged(),
				s.allowClusterStatements(), s.javaMigrationBeans(), s.mysqlEnabled()));
	}

	/** The bound on the replay: 10 min by default. */
	public AutobaselineBuilder replayTimeout(Duration replayTimeout) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), s.lockTimeout(), replayTimeout,
				s.backupEnabled(), s.backupDirectory(), s.record(), s.repair(), s.verifyManaged(),
				s.allowClusterStatements(), s.javaMigrationBeans(), s.mysqlEnabled()));
	}

	/** Replay scripts whose statements reach past the shadow (roles, server settings) when harmless. */
	public AutobaselineBuilder replayAllowClusterStatements(boolean allow) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), s.lockTimeout(), s.replayTimeout(),
				s.backupEnabled(), s.backupDirectory(), s.record(), s.repair(), s.verifyManaged(), allow,
				s.javaMigrationBeans(), s.mysqlEnabled()));
	}

	/** Whether a SQLite database is copied before the first write: yes by default. */
	public AutobaselineBuilder backupEnabled(boolean backupEnabled) {
		return settings(s().withBackupEnabled(backupEnabled));
	}

	/** Where SQLite backups go: next to the database by default. */
	public AutobaselineBuilder backupDirectory(Path backupDirectory) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), s.lockTimeout(), s.replayTimeout(),
				s.backupEnabled(), backupDirectory, s.record(), s.repair(), s.verifyManaged(),
				s.allowClusterStatements(), s.javaMigrationBeans(), s.mysqlEnabled()));
	}

	/** {@code BASELINE} (default): one BASELINE row; {@code HISTORY}: a row per migration up to the version. */
	public AutobaselineBuilder record(RecordMode record) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), s.lockTimeout(), s.replayTimeout(),
				s.backupEnabled(), s.backupDirectory(), record, s.repair(), s.verifyManaged(),
				s.allowClusterStatements(), s.javaMigrationBeans(), s.mysqlEnabled()));
	}

	/** Remove failed rows when the schema matches the last successful version, then migrate. */
	public AutobaselineBuilder repair(boolean repair) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), s.lockTimeout(), s.replayTimeout(),
				s.backupEnabled(), s.backupDirectory(), s.record(), repair, s.verifyManaged(),
				s.allowClusterStatements(), s.javaMigrationBeans(), s.mysqlEnabled()));
	}

	/** Replay on managed boots too and refuse a schema that drifted from its history. */
	public AutobaselineBuilder verifyManaged(boolean verifyManaged) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), s.lockTimeout(), s.replayTimeout(),
				s.backupEnabled(), s.backupDirectory(), s.record(), s.repair(), verifyManaged,
				s.allowClusterStatements(), s.javaMigrationBeans(), s.mysqlEnabled()));
	}

	/** Whether {@code JavaMigration}s given as objects are stubbed ({@code STUB}, default) or run in the replay. */
	public AutobaselineBuilder replayJavaMigrationBeans(JavaMigrationBeans javaMigrationBeans) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(),
				s.ignoreTables(), s.dryRun(), s.rebaseline(), s.shadow(), s.lockTimeout(), s.replayTimeout(),
				s.backupEnabled(), s.backupDirectory(), s.record(), s.repair(), s.verifyManaged(),
				s.allowClusterStatements(), javaMigrationBeans, s.mysqlEnabled()));
	}

	/** Adopt MySQL servers too (the MariaDB dialect was tested on MariaDB only). */
	public AutobaselineBuilder mysqlEnabled(boolean mysqlEnabled) {
		return settings(s().withMysqlEnabled(mysqlEnabled));
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
		return new Autobaseline(this.settings, live, this.quieter, Naming.PLAIN);
	}

	private AutobaselineSettings s() {
		return this.settings;
	}

	private AutobaselineBuilder shadow(ShadowSettings shadow) {
		AutobaselineSettings s = s();
		return with(s.mode(), s.fixedVersion(), s.match(), s.onAmbiguous(), s.ignoreTables(), s.dryRun(),
				s.rebaseline(), shadow);
	}

	private AutobaselineBuilder with(Mode mode, String fixedVersion, MatchLevel match, OnAmbiguous onAmbiguous,
			List<String> ignoreTables, boolean dryRun, boolean rebaseline, ShadowSettings shadow) {
		AutobaselineSettings s = s();
		return settings(new AutobaselineSettings(mode, fixedVersion, match, onAmbiguous, ignoreTables, dryRun,
				rebaseline, shadow, s.lockTimeout(), s.replayTimeout(), s.backupEnabled(), s.backupDirectory(),
				s.record(), s.repair(), s.verifyManaged(), s.allowClusterStatements(), s.javaMigrationBeans(),
				s.mysqlEnabled()));
	}

	private AutobaselineBuilder settings(AutobaselineSettings settings) {
		this.settings = settings;
		return this;
	}

}
