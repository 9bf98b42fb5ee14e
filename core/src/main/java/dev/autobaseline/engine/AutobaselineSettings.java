package dev.autobaseline.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.replay.JavaMigrationBeans;
import dev.autobaseline.replay.OnAmbiguous;

/**
 * What the engine is told to do. The Spring Boot glue builds it from {@code autobaseline.*}.
 *
 * @param mode detect or fixed
 * @param fixedVersion the version for {@link Mode#FIXED}, or {@code null} for Flyway's baseline version
 * @param match the match level
 * @param onAmbiguous the policy for a consecutive run of equally good versions
 * @param ignoreTables glob patterns of live relations to leave out
 * @param dryRun plan and log only, write nothing to the live database
 * @param rebaseline rewrite a BASELINE row that disagrees with the detected version
 * @param shadow a user-provided shadow database, if any
 * @param lockTimeout how long to wait for another instance's adoption
 * @param replayTimeout the bound on the replay (also PostgreSQL's lock and statement timeouts on shadow connections)
 * @param backupEnabled whether to back a SQLite database up before the first write
 * @param backupDirectory where backups go, or {@code null} for next to the database
 * @param record how the adoption is recorded in the history
 * @param repair whether to remove failed rows (when they are the only problem and the schema
 * matches the last successful version) and migrate
 * @param verifyManaged whether to replay on managed boots too and refuse a schema that drifted
 * from the version its history records
 * @param allowClusterStatements whether to replay PostgreSQL scripts with cluster-wide statements
 * @param javaMigrationBeans whether {@code JavaMigration} beans are stubbed or run during the replay
 * @param mysqlEnabled whether a MySQL server is adopted too (the MariaDB dialect was tested on
 * MariaDB only)
 */
public record AutobaselineSettings(Mode mode, String fixedVersion, MatchLevel match, OnAmbiguous onAmbiguous,
		List<String> ignoreTables, boolean dryRun, boolean rebaseline, ShadowSettings shadow, Duration lockTimeout,
		Duration replayTimeout, boolean backupEnabled, Path backupDirectory, RecordMode record,
		boolean repair, boolean verifyManaged, boolean allowClusterStatements, JavaMigrationBeans javaMigrationBeans,
		boolean mysqlEnabled) {

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

	public static final Duration DEFAULT_REPLAY_TIMEOUT = Duration.ofMinutes(10);

	public AutobaselineSettings {
		ignoreTables = List.copyOf(ignoreTables);
	}

	/** The settings without MySQL servers ({@code mysqlEnabled} false). */
	public AutobaselineSettings(Mode mode, String fixedVersion, MatchLevel match, OnAmbiguous onAmbiguous,
			List<String> ignoreTables, boolean dryRun, boolean rebaseline, ShadowSettings shadow, Duration lockTimeout,
			Duration replayTimeout, boolean backupEnabled, Path backupDirectory, RecordMode record, boolean repair,
			boolean verifyManaged, boolean allowClusterStatements, JavaMigrationBeans javaMigrationBeans) {
		this(mode, fixedVersion, match, onAmbiguous, ignoreTables, dryRun, rebaseline, shadow, lockTimeout,
				replayTimeout, backupEnabled, backupDirectory, record, repair, verifyManaged, allowClusterStatements,
				javaMigrationBeans, false);
	}

	/** The defaults: detect, columns, highest, nothing ignored, writing, backups next to the file. */
	public static AutobaselineSettings defaults() {
		return new AutobaselineSettings(Mode.DETECT, null, MatchLevel.COLUMNS, OnAmbiguous.HIGHEST, List.of(), false,
				false, ShadowSettings.NONE, DEFAULT_LOCK_TIMEOUT, DEFAULT_REPLAY_TIMEOUT, true, null, RecordMode.BASELINE,
				false, false, false, JavaMigrationBeans.STUB);
	}

	/** These settings with backups switched on or off. */
	public AutobaselineSettings withBackupEnabled(boolean backupEnabled) {
		return new AutobaselineSettings(this.mode, this.fixedVersion, this.match, this.onAmbiguous, this.ignoreTables,
				this.dryRun, this.rebaseline, this.shadow, this.lockTimeout, this.replayTimeout, backupEnabled,
				this.backupDirectory, this.record, this.repair, this.verifyManaged, this.allowClusterStatements,
				this.javaMigrationBeans, this.mysqlEnabled);
	}

}
