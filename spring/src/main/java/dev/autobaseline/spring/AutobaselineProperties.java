package dev.autobaseline.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.engine.AutobaselineSettings;
import dev.autobaseline.engine.Mode;
import dev.autobaseline.engine.RecordMode;
import dev.autobaseline.replay.JavaMigrationBeans;
import dev.autobaseline.replay.OnAmbiguous;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Configuration of Flyway Autobaseline.
 */
@ConfigurationProperties("autobaseline")
public class AutobaselineProperties {

	/**
	 * Whether to adopt databases that have objects but no Flyway history. When false, Spring
	 * Boot's plain Flyway behaviour applies.
	 */
	private boolean enabled = true;

	/**
	 * How to find the version to baseline at: detect it by replaying the migrations into a
	 * shadow database, or use a fixed version.
	 */
	private Mode mode = Mode.DETECT;

	/**
	 * Version to baseline at in fixed mode. Defaults to spring.flyway.baseline-version.
	 */
	private String fixedVersion;

	/**
	 * How closely the live schema must match a migration version: table names, table and
	 * column names, or everything by definition (types, keys, constraints, indexes and more).
	 * Among the versions that match, the one whose full snapshot differs least wins.
	 */
	private MatchLevel match = MatchLevel.COLUMNS;

	/**
	 * What to do when consecutive versions match equally well (data-only migrations):
	 * baseline at the highest, at the lowest, or fail.
	 */
	private OnAmbiguous onAmbiguous = OnAmbiguous.HIGHEST;

	/**
	 * Glob patterns ('*', '?') of tables and views to leave out of the comparison, matched
	 * case-insensitively against the name with or without its schema.
	 */
	private List<String> ignoreTables = new ArrayList<>();

	/**
	 * Whether to only inspect, detect and log the plan, writing nothing to the database.
	 */
	private boolean dryRun;

	/**
	 * Whether to rewrite a BASELINE row that disagrees with the detected version, and remove the
	 * failed rows a failed baseline attempt left after it, in one transaction.
	 */
	private boolean rebaseline;

	/**
	 * How long to wait for another instance that is adopting or migrating the same database.
	 */
	private Duration lockTimeout = Duration.ofSeconds(60);

	/**
	 * How an adoption is recorded: one BASELINE row, or one row per versioned migration up to
	 * the detected version (with checksums, so that validation still covers the old scripts).
	 */
	private RecordMode record = RecordMode.BASELINE;

	/**
	 * Whether to remove failed rows from the history and migrate again, when they are its only
	 * problem and the schema matches the last successful version. Flyway's full repair is
	 * never called.
	 */
	private boolean repair;

	/**
	 * Whether to replay the migrations on managed boots too and refuse a schema that drifted
	 * from the version its history records. Costs a replay on every boot.
	 */
	private boolean verifyManaged;

	private final Shadow shadow = new Shadow();

	private final Replay replay = new Replay();

	private final Backup backup = new Backup();

	private final Mysql mysql = new Mysql();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/** The engine's settings these properties describe. */
	public AutobaselineSettings toSettings() {
		return new AutobaselineSettings(this.mode, this.fixedVersion, this.match, this.onAmbiguous, this.ignoreTables,
				this.dryRun, this.rebaseline,
				new ShadowSettings(this.shadow.getUrl(), this.shadow.getUsername(), this.shadow.getPassword()),
				this.lockTimeout, this.replay.getTimeout(), this.backup.isEnabled(), this.backup.getDirectory(),
				this.record, this.repair, this.verifyManaged, this.replay.isAllowClusterStatements(),
				this.replay.getJavaMigrationBeans(), this.mysql.isEnabled());
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public String getFixedVersion() {
		return this.fixedVersion;
	}

	public void setFixedVersion(String fixedVersion) {
		this.fixedVersion = fixedVersion;
	}

	public MatchLevel getMatch() {
		return this.match;
	}

	public void setMatch(MatchLevel match) {
		this.match = match;
	}

	public OnAmbiguous getOnAmbiguous() {
		return this.onAmbiguous;
	}

	public void setOnAmbiguous(OnAmbiguous onAmbiguous) {
		this.onAmbiguous = onAmbiguous;
	}

	public List<String> getIgnoreTables() {
		return this.ignoreTables;
	}

	public void setIgnoreTables(List<String> ignoreTables) {
		this.ignoreTables = ignoreTables;
	}

	public boolean isDryRun() {
		return this.dryRun;
	}

	public void setDryRun(boolean dryRun) {
		this.dryRun = dryRun;
	}

	public boolean isRebaseline() {
		return this.rebaseline;
	}

	public void setRebaseline(boolean rebaseline) {
		this.rebaseline = rebaseline;
	}

	public boolean isVerifyManaged() {
		return this.verifyManaged;
	}

	public void setVerifyManaged(boolean verifyManaged) {
		this.verifyManaged = verifyManaged;
	}

	public boolean isRepair() {
		return this.repair;
	}

	public void setRepair(boolean repair) {
		this.repair = repair;
	}

	public RecordMode getRecord() {
		return this.record;
	}

	public void setRecord(RecordMode record) {
		this.record = record;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Shadow getShadow() {
		return this.shadow;
	}

	public Replay getReplay() {
		return this.replay;
	}

	public Backup getBackup() {
		return this.backup;
	}

	public Mysql getMysql() {
		return this.mysql;
	}

	/**
	 * MySQL servers, which the MariaDB dialect adopts only when asked to.
	 */
	public static class Mysql {

		/**
		 * Whether to adopt MySQL servers too. The MariaDB and MySQL dialect was tested on MariaDB
		 * only; a server whose version string does not say MariaDB is refused unless this is set.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The replay of the migrations into the shadow database.
	 */
	public static class Replay {

		/**
		 * Bound on the replay; on PostgreSQL and MariaDB also the lock and statement timeout of
		 * shadow connections, so that a replay waiting on a lock fails instead of hanging.
		 */
		private Duration timeout = Duration.ofMinutes(10);

		/**
		 * Whether to replay PostgreSQL scripts that hold cluster-wide statements (roles,
		 * tablespaces, databases, server settings, COPY to files or programs, dblink), and MariaDB
		 * scripts that reach the server (users, grants, global variables, files). They would reach
		 * past the shadow into the live cluster or server. A MariaDB script that names the live
		 * database or switches database is refused whatever this says.
		 */
		private boolean allowClusterStatements;

		/**
		 * What the replay does with JavaMigration beans, which may hold the application's
		 * DataSource and write to the live database: replace them with inert stand-ins of the
		 * same version and checksum, or run them.
		 */
		private JavaMigrationBeans javaMigrationBeans = JavaMigrationBeans.STUB;

		public JavaMigrationBeans getJavaMigrationBeans() {
			return this.javaMigrationBeans;
		}

		public void setJavaMigrationBeans(JavaMigrationBeans javaMigrationBeans) {
			this.javaMigrationBeans = javaMigrationBeans;
		}

		public boolean isAllowClusterStatements() {
			return this.allowClusterStatements;
		}

		public void setAllowClusterStatements(boolean allowClusterStatements) {
			this.allowClusterStatements = allowClusterStatements;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * The backup of a SQLite database before its adoption.
	 */
	public static class Backup {

		/**
		 * Whether to back a SQLite database up (VACUUM INTO) before the first write to it.
		 */
		private boolean enabled = true;

		/**
		 * Folder for backups. Defaults to the database file's folder.
		 */
		private Path directory;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

	}

	/**
	 * A shadow database provided by the user.
	 */
	public static class Shadow {

		/**
		 * JDBC URL of an empty database to replay migrations into, for where the application's
		 * role cannot create a temporary one. It is cleaned after use.
		 */
		private String url;

		/**
		 * Login user of the shadow database. Defaults to the application's.
		 */
		private String username;

		/**
		 * Login password of the shadow database. Defaults to the application's.
		 */
		private String password;

		/**
		 * No longer used: a temporary shadow database left by a killed process is dropped by
		 * the next adoption as soon as no session holds its lock, whatever its age.
		 */
		private Duration leftoverMinAge = Duration.ofMinutes(1);

		@Deprecated(since = "0.1.0")
		@DeprecatedConfigurationProperty(reason = "A temporary shadow database left by a killed process is dropped by"
				+ " the next adoption as soon as no session holds the lock its creator holds in the live database,"
				+ " whatever its age", since = "0.1.0")
		public Duration getLeftoverMinAge() {
			return this.leftoverMinAge;
		}

		@Deprecated(since = "0.1.0")
		public void setLeftoverMinAge(Duration leftoverMinAge) {
			this.leftoverMinAge = leftoverMinAge;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

}
