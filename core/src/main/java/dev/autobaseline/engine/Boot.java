package dev.autobaseline.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.log.EngineLog;
import dev.autobaseline.replay.CatalogScope;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.FlywayQuieter;
import dev.autobaseline.replay.ReplayResult;
import dev.autobaseline.replay.ReplayedVersion;
import dev.autobaseline.replay.SignatureCandidateException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * One boot's work against one database: under the adoption lock, inspect and adopt, repair or
 * verify, then hand over to Flyway.
 */
final class Boot {

	private static final EngineLog logger = EngineLog.of(Autobaseline.class);

	private final AutobaselineSettings settings;

	private final Naming naming;

	private final FlywayQuieter quieter;


	private final Flyway flyway;

	private final Configuration configuration;

	private final LiveDatabase live;

	private final Dialect dialect;

	private final HistoryTable history;

	private final long started;

	private final List<String> warnings = new ArrayList<>();

	/** The adoption lock this boot holds, checked before comparing and before each write. */
	private AdoptionLock.Held lock = () -> {
	};

	Boot(AutobaselineSettings settings, FlywayQuieter quieter, Naming naming, Flyway flyway,
			Configuration configuration, LiveDatabase live, Dialect dialect, HistoryTable history, long started) {
		this.settings = settings;
		this.naming = naming;
		this.quieter = quieter;
		this.flyway = flyway;
		this.configuration = configuration;
		this.live = live;
		this.dialect = dialect;
		this.history = history;
		this.started = started;
	}

	/** Logs at once (a refusal must not swallow it) and keeps the warning for the report. */
	private void warn(String warning) {
		String named = this.naming.rename(warning);
		logger.warn(named);
		this.warnings.add(named);
	}

	/**
	 * Under the adoption lock: the fast path again (another instance may have adopted while
	 * this one waited; on SQLite the lock covers every boot), then inspect, detect, baseline
	 * and migrate.
	 */
	AdoptionReport underLock(AdoptionLock.Held held) throws SQLException {
		this.lock = held;
		HistoryRows fastPath;
		try (Connection connection = this.dialect.openInspection(this.live, this.settings.dryRun())) {
			// Off the fast path the table is often missing: look before counting, since a failed query
			// is logged at WARN by some drivers (MariaDB Connector/J). An engine locked on every boot
			// counts at once: its table exists on every boot but the first.
			boolean counted = this.dialect.locksEveryBoot(this.settings.dryRun())
					|| this.dialect.tableExists(connection, this.history.schema(), this.history.table());
			fastPath = counted ? HistoryRows.countApplied(connection, this.history) : null;
			endTransaction(connection);
		}
		return isManaged(fastPath) ? migrateManaged(SchemaState.MANAGED) : adopt();
	}

	private AdoptionReport adopt() throws SQLException {
		Inspection inspection = inspect();
		return switch (inspection.state()) {
			case MANAGED -> migrateManaged(SchemaState.MANAGED);
			case INCONSISTENT -> {
				if (!this.settings.repair()) {
					throw Refusals.failedMigrations(this.history, inspection.history().failed());
				}
				requireVersionedMigrations(SchemaState.INCONSISTENT);
				yield repairFailedMigrations();
			}
			case FOREIGN_HISTORY -> throw Refusals.foreignHistory(this.history, inspection.foreignHistories());
			case EMPTY -> migrateManaged(SchemaState.EMPTY);
			case UNMANAGED, BASELINED -> {
				requireVersionedMigrations(inspection.state());
				yield adoptExisting(inspection);
			}
		};
	}

	private Inspection inspect() throws SQLException {
		try (Connection connection = this.dialect.openInspection(this.live, this.settings.dryRun())) {
			HistoryRows rows = HistoryRows.read(connection, this.dialect, this.history);
			boolean empty = true;
			for (String schema : this.history.schemas()) {
				empty &= this.dialect.isEmptyForFlyway(connection, schema, this.history.table());
			}
			List<String> foreign = new ArrayList<>();
			for (String table : this.dialect.otherHistoryTables(connection, this.history.schema(),
					this.history.table())) {
				if (CatalogScope.isIgnored(this.settings.ignoreTables(), table)) {
					continue;
				}
				// Another application's history shares the schema: not ours, left alone.
				if (holdsOurMigrations(connection, table)) {
					foreign.add(table);
				}
				else {
					warn("autobaseline: " + table + " is a Flyway history of another application (none of its"
							+ " scripts is one of this application's migrations), left alone");
				}
			}
			endTransaction(connection);
			return Inspection.classify(rows, empty, foreign);
		}
	}

	/**
	 * Evidence before any replay or write: a database that is not empty is only baselined,
	 * repaired or verified against migrations Flyway resolves. Checked before the replay, the
	 * backup and every write, in every mode and in a dry run.
	 */
	private void requireVersionedMigrations(SchemaState state) {
		if (!VersionedMigrations.anyResolved(this.flyway)) {
			throw Refusals.noMigrations(state, this.history, this.configuration.getLocations());
		}
	}

	/** Whether a Flyway-shaped table records any of this application's migration scripts. */
	private boolean holdsOurMigrations(Connection connection, String table) throws SQLException {
		java.util.Set<String> ours = new java.util.HashSet<>();
		for (org.flywaydb.core.api.MigrationInfo migration : this.flyway.info().all()) {
			if (migration.getScript() != null) {
				ours.add(migration.getScript());
			}
		}
		String keyed = this.dialect.schemaOf(table);
		// A key without a schema (MariaDB) names a table of Flyway's default schema.
		String schema = (keyed != null) ? keyed : this.history.schema();
		String name = (keyed != null && table.startsWith(keyed + ".")) ? table.substring(keyed.length() + 1) : table;
		try (java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet scripts = statement
					.executeQuery("SELECT script FROM " + this.dialect.qualify(schema, name))) {
			while (scripts.next()) {
				if (ours.contains(scripts.getString(1))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * {@code verify-managed}: the schema must still be what its history claims, at the match
	 * level; otherwise stop with the drift.
	 */
	private void verifyManaged() throws SQLException {
		requireVersionedMigrations(SchemaState.MANAGED);
		String recorded = BaselineWriter.lastSuccessfulVersion(this.live, this.history);
		MigrationVersion version = MigrationVersion.fromVersion((recorded != null) ? recorded : "0");
		List<String> warnings = new ArrayList<>();
		// The version to compare is known before the replay: it is read in full as the replay passes it.
		Evidence evidence = gather(Evidence.Reads.AS_NEEDED, version, warnings::add);
		this.lock.checkHeld();
		ReplayedVersion at = evidence.at(version);
		if (!at.catalog().full()) {
			// The history records a version no migration has: the one below it is compared, read in full.
			warnings.clear();
			evidence = gather(Evidence.Reads.AS_NEEDED, at.version(), warnings::add);
			at = evidence.at(version);
		}
		List<dev.autobaseline.catalog.Difference> drift = driftAtLevel(evidence, at);
		warnings.forEach(this::warn);
		if (!drift.isEmpty()) {
			throw Refusals.drift(this.history, at, drift, this.settings.match());
		}
	}

	private List<dev.autobaseline.catalog.Difference> driftAtLevel(Evidence evidence, ReplayedVersion at) {
		return evidence.driftFrom(at).stream().filter((difference) -> difference.countsAt(this.settings.match())).toList();
	}

	/**
	 * The replay and the live catalog; every version read in full, or a signature of those that
	 * cannot match.
	 */
	private Evidence gather(Evidence.Reads reads, java.util.function.Consumer<String> warn) throws SQLException {
		return gather(reads, null, warn);
	}

	/** The same, with one version read in full besides (or none for {@code null}). */
	private Evidence gather(Evidence.Reads reads, MigrationVersion inFull, java.util.function.Consumer<String> warn)
			throws SQLException {
		return Evidence.gather(this.dialect, this.live, this.history, this.configuration, this.settings, this.quieter,
				warn, reads, inFull);
	}

	AdoptionReport migrateManaged(SchemaState state) throws SQLException {
		if (this.settings.verifyManaged() && state == SchemaState.MANAGED) {
			verifyManaged();
		}
		if (this.settings.dryRun() && state == SchemaState.MANAGED) {
			return planManaged();
		}
		if (this.settings.dryRun()) {
			return report(state, null, null, null, -1, List.of());
		}
		try {
			int applied = this.flyway.migrate().migrationsExecuted;
			return report(state, null, null, null, applied, List.of());
		}
		catch (FlywayValidateException ex) {
			throw Refusals.validationFailed(this.history, ex, scriptsOf(validateAllowingPending()));
		}
	}

	/** The scripts Flyway's validation names, by file name (or version where it has no file). */
	static List<String> scriptsOf(ValidateResult validation) {
		return validation.invalidMigrations.stream()
			.filter((invalid) -> invalid.errorDetails.errorCode != CoreErrorCode.FAILED_VERSIONED_MIGRATION
					&& invalid.errorDetails.errorCode != CoreErrorCode.FAILED_REPEATABLE_MIGRATION)
			.map((invalid) -> (invalid.filepath != null && !invalid.filepath.isBlank())
					? invalid.filepath.substring(Math.max(invalid.filepath.lastIndexOf('/'), invalid.filepath.lastIndexOf('\\')) + 1)
					: "V" + invalid.version + " " + invalid.description)
			.distinct()
			.toList();
	}

	/** Flyway's read-only validation, pending migrations allowed. */
	private ValidateResult validateAllowingPending() {
		List<String> patterns = new ArrayList<>(Arrays.stream(this.configuration.getIgnoreMigrationPatterns())
			.map(Object::toString)
			.toList());
		patterns.add("*:pending");
		return Flyway.configure(this.configuration.getClassLoader())
			.configuration(this.configuration)
			.ignoreMigrationPatterns(patterns.toArray(String[]::new))
			.load()
			.validateWithResult();
	}

	/**
	 * {@code repair: true}: failed rows are removed and Flyway migrates again, only when
	 * they are the history's only problem and the schema matches the last successful version
	 * (a failed non-transactional migration may have left half its changes). Flyway's own
	 * repair, which also realigns checksums, is never called.
	 */
	private AdoptionReport repairFailedMigrations() throws SQLException {
		ValidateResult validation = validateAllowingPending();
		List<String> otherProblems = validation.invalidMigrations.stream()
			.filter((invalid) -> invalid.errorDetails.errorCode != CoreErrorCode.FAILED_VERSIONED_MIGRATION
					&& invalid.errorDetails.errorCode != CoreErrorCode.FAILED_REPEATABLE_MIGRATION)
			.map((invalid) -> invalid.errorDetails.errorMessage)
			.toList();
		if (!otherProblems.isEmpty()) {
			throw Refusals.validationFailed(this.history,
					new FlywayValidateException(validation.errorDetails, String.join("\n", otherProblems)),
					scriptsOf(validation));
		}
		String lastSuccessful = BaselineWriter.lastSuccessfulVersion(this.live, this.history);
		Verdict verdict = detect(SchemaState.INCONSISTENT);
		if (lastSuccessful == null || !verdict.accepts(lastSuccessful)) {
			throw Refusals.repairMismatch(this.history, lastSuccessful, verdict.version(), verdict.detection());
		}
		if (this.settings.dryRun()) {
			warn("autobaseline: dry run: repair=true would remove the failed rows; the schema matches V"
					+ lastSuccessful + ", the last successful version");
			return report(SchemaState.INCONSISTENT, verdict, null, Boolean.FALSE, -1, List.of());
		}
		String backup = prepareForWrites();
		requireTransactionalHistory("autobaseline.repair", "true");
		int removed = BaselineWriter.deleteFailedRows(this.live, this.history);
		warn("autobaseline: repair=true removed " + Refusals.count(removed, "failed row")
				+ " from the history (the schema matches V" + lastSuccessful + "); Flyway runs them again");
		int applied = this.flyway.migrate().migrationsExecuted;
		return report(SchemaState.INCONSISTENT, verdict, null, Boolean.FALSE, applied, List.of()).withBackup(backup);
	}

	/**
	 * A dry run of a managed database: Flyway's read-only validation (pending migrations
	 * allowed), then the migrations it would apply.
	 */
	private AdoptionReport planManaged() {
		ValidateResult validation = validateAllowingPending();
		if (!validation.validationSuccessful) {
			throw Refusals.validationFailed(this.history,
					new FlywayValidateException(validation.errorDetails, validation.getAllErrorMessages()),
					scriptsOf(validation));
		}
		List<String> pending = Arrays.stream(this.flyway.info().pending())
			.map((migration) -> ((migration.getVersion() != null) ? "V" + migration.getVersion() : "R") + " "
					+ migration.getDescription())
			.toList();
		return report(SchemaState.MANAGED, null, null, null, pending.size(), pending);
	}

	private AdoptionReport adoptExisting(Inspection inspection) throws SQLException {
		HistoryRows rows = inspection.history();
		boolean failedAttempt = rows.isFailedBaselineAttempt();
		Verdict verdict;
		try {
			verdict = (this.settings.mode() == Mode.FIXED) ? fixedVerdict() : detect(inspection.state());
		}
		catch (AdoptionRefusedException ex) {
			// A failed attempt may have left a half-applied script: the report says what no catalog shows.
			throw failedAttempt ? Refusals.withFailedRows(ex, rows.failedVersions()) : ex;
		}
		String baselineVersion = verdict.version();
		boolean write = true;
		if (inspection.state() == SchemaState.BASELINED) {
			String recorded = rows.baselineVersion();
			boolean agrees = verdict.accepts(recorded);
			if (agrees) {
				// The earlier baseline agrees with the evidence: keep it (only failed rows need a write).
				baselineVersion = recorded;
				write = failedAttempt;
			}
			if (failedAttempt && !this.settings.rebaseline()) {
				throw Refusals.failedBaselineAttempt(this.history, recorded, rows.failedVersions(), baselineVersion,
						verdict.evidence(), verdict.detection());
			}
			if (!agrees && !this.settings.rebaseline()) {
				throw Refusals.baselineMismatch(this.history, recorded, verdict.version(), verdict.evidence(),
						verdict.detection());
			}
			if (failedAttempt && this.settings.dryRun()) {
				warn("autobaseline: dry run: rebaseline=true would set the BASELINE row to version " + baselineVersion
						+ " and remove " + Refusals.count(rows.failed(), "failed row") + " in one transaction");
			}
		}
		List<String> pending = verdict.pendingAbove(baselineVersion);
		if (this.settings.dryRun()) {
			return report(inspection.state(), verdict, baselineVersion, Boolean.FALSE,
					(verdict.replay() != null) ? pending.size() : -1, pending).withBackup(dryRunBackupNote());
		}
		String backup = null;
		if (this.settings.record() == RecordMode.HISTORY && !"0".equals(baselineVersion) && rows.exists()) {
			// Before the first write: a refusal after the BASELINE row would already have changed live.
			requireTransactionalHistory("autobaseline.record", "history");
		}
		if (write) {
			backup = prepareForWrites();
			String description = "<< Autobaseline: " + verdict.evidence()
					+ ((verdict.detection() != null)
							? " (" + verdict.detection().level().name().toLowerCase(java.util.Locale.ROOT) + ")" : "")
					+ " >>";
			if (inspection.state() == SchemaState.BASELINED) {
				requireTransactionalHistory("autobaseline.rebaseline", "true");
				BaselineWriter.rebaseline(this.live, this.dialect, this.history, rows, baselineVersion, description,
						failedAttempt);
			}
			else {
				warnIfNotTransactional(inspection.history().exists());
				BaselineWriter.baseline(this.configuration, this.live, this.dialect, this.history, rows,
						inspection.state(), baselineVersion, description);
			}
		}
		if (this.settings.record() == RecordMode.HISTORY && !"0".equals(baselineVersion)) {
			// Also after a kill between the BASELINE row and this swap: the next boot lands here as BASELINED.
			if (!write) {
				prepareForWrites();
			}
			this.lock.checkHeld();
			requireTransactionalHistory("autobaseline.record", "history");
			BaselineWriter.recordHistory(this.flyway, this.live, this.dialect, this.history, this.configuration,
					inspection.state());
		}
		int applied = this.flyway.migrate().migrationsExecuted;
		return report(inspection.state(), verdict, baselineVersion, write, applied, List.of()).withBackup(backup);
	}

	/** Before the first write: a writable database, and a backup where the engine can take one. */
	private String prepareForWrites() throws SQLException {
		this.lock.checkHeld();
		try (Connection connection = this.dialect.openInspection(this.live, false)) {
			this.dialect.checkWritable(connection);
			if (!this.settings.backupEnabled()) {
				return null;
			}
			Dialect.Backup backup = this.dialect.backup(connection, this.settings.backupDirectory());
			endTransaction(connection);
			if (backup.path() != null) {
				logger.info("autobaseline: backed up the database to " + backup.path() + " before adopting it");
				return backup.path().toString();
			}
			return backup.hint();
		}
	}

	/**
	 * Refuses a multi-row rewrite of a history table that is not transactional (MariaDB MyISAM,
	 * Aria): a kill mid-way would leave a partial history that Flyway then trusts.
	 */
	private void requireTransactionalHistory(String property, String value) throws SQLException {
		try (Connection connection = this.dialect.openInspection(this.live, false)) {
			boolean transactional = this.dialect.isTransactional(connection, this.history.schema(), this.history.table());
			endTransaction(connection);
			if (!transactional) {
				throw new InvalidConfigurationException(property, value, "rewrites several rows of the history table "
						+ this.history.qualified() + ", which is not transactional (not InnoDB): a kill part-way would"
						+ " leave a partial history. Convert it with ALTER TABLE ... ENGINE=InnoDB first");
			}
		}
	}

	/** A single BASELINE insert into a history table that is not transactional goes ahead, with a WARN. */
	private void warnIfNotTransactional(boolean tableExists) throws SQLException {
		if (!tableExists) {
			return;
		}
		try (Connection connection = this.dialect.openInspection(this.live, false)) {
			if (!this.dialect.isTransactional(connection, this.history.schema(), this.history.table())) {
				warn("autobaseline: the history table " + this.history.qualified() + " is not transactional (not"
						+ " InnoDB); the BASELINE row is one insert, so it goes ahead, but convert the table with"
						+ " ALTER TABLE ... ENGINE=InnoDB");
			}
			endTransaction(connection);
		}
	}

	/** What a real run would back up, for the plan. */
	private String dryRunBackupNote() {
		return this.settings.backupEnabled() ? "a backup would be taken before the first write" : null;
	}

	private Verdict fixedVerdict() {
		String version = (this.settings.fixedVersion() != null)
				? SettingsCheck.version("autobaseline.fixed-version", this.settings.fixedVersion()).getVersion()
				: this.configuration.getBaselineVersion().getVersion();
		MigrationVersion fixed = MigrationVersion.fromVersion(version);
		boolean known = fixed.equals(MigrationVersion.fromVersion("0")) || java.util.Arrays
			.stream(this.flyway.info().all())
			.anyMatch((migration) -> fixed.equals(migration.getVersion()));
		if (!known) {
			throw new InvalidConfigurationException("autobaseline.fixed-version", version,
					"names no migration of the application (use the version of one, or 0 to run them all)");
		}
		return new Verdict(version, "fixed version " + version, null, null);
	}

	private Verdict detect(SchemaState state) throws SQLException {
		if (this.configuration.isBaselineOnMigrate()) {
			warn("autobaseline: spring.flyway.baseline-on-migrate and spring.flyway.baseline-version"
					+ " are ignored: autobaseline.mode=detect finds the version from the schema");
		}
		List<String> warnings = new ArrayList<>();
		Evidence.Reads reads = Evidence.Reads.AS_NEEDED;
		Evidence evidence = gather(reads, warnings::add);
		this.lock.checkHeld();
		Detection detection;
		try {
			detection = evidence.choose(this.settings, this.configuration.getTarget());
			if (detection.outcome() == Detection.Outcome.NO_MATCH && detection.closest() != null
					&& !detection.closest().catalog().columnsRead()) {
				// Versions read by names only count their table differences alone: which one is closest
				// is known once every version has its columns too. Only a refusal pays for this.
				logger.info("autobaseline: no version matches the database; replaying again with the column names of"
						+ " every version to name the closest one");
				warnings.clear();
				reads = Evidence.Reads.COLUMNS_OF_EVERY_VERSION;
				evidence = gather(reads, warnings::add);
				detection = evidence.choose(this.settings, this.configuration.getTarget());
			}
		}
		catch (SignatureCandidateException ex) {
			// What counts is known only once the replay ends (a repeatable may own an object): rare.
			logger.info("autobaseline: " + ex.getVersion().label() + " matches the database but was read as a"
					+ " signature only; replaying again with every version read in full");
			warnings.clear();
			reads = Evidence.Reads.EVERY_VERSION_IN_FULL;
			evidence = gather(reads, warnings::add);
			detection = evidence.choose(this.settings, this.configuration.getTarget());
		}
		if (!detection.matched()
				&& !Evidence.listsEnough(detection.closest(), detection.differences(), detection.level())) {
			// The closest version is named from its signature, which leaves out what the level counts (at
			// strict, its types, keys and defaults): the same replay again reads it in full. Only a refusal pays.
			logger.info("autobaseline: no version matches the database; replaying again to read "
					+ detection.closest().label() + ", the closest, in full");
			warnings.clear();
			evidence = gather(reads, detection.closest().version(), warnings::add);
			detection = evidence.withClosestInFull(detection);
		}
		warnings.forEach(this::warn);
		ReplayResult replay = evidence.replay();
		if (!detection.matched()) {
			throw Refusals.of(state, this.history, detection);
		}
		if (detection.best().size() > 1) {
			warn("autobaseline: " + Refusals.labels(detection.best())
					+ " match equally well (their migrations change data only); autobaseline.on-ambiguous="
					+ this.settings.onAmbiguous().name().toLowerCase(java.util.Locale.ROOT) + " chose "
					+ detection.chosen().label()
					+ (detection.chosen().equals(detection.best().get(detection.best().size() - 1)) ? ""
							: " (the next migration is a JavaMigration bean the replay could not observe, so it runs)"));
		}
		ReplayedVersion chosen = detection.chosen();
		String version = chosen.isEmptyPrefix() ? belowFirst(state, replay) : chosen.version().getVersion();
		return new Verdict(version, "matched " + chosen.label(), detection, replay);
	}

	/** The empty prefix is adopted below the first version, at 0, so that every migration runs. */
	private String belowFirst(SchemaState state, ReplayResult replay) {
		List<ReplayedVersion> migrations = replay.migrations();
		if (!migrations.isEmpty() && !migrations.get(0).version().isNewerThan("0")) {
			throw Refusals.belowFirstVersion(state, this.history, migrations.get(0).version().getVersion());
		}
		return "0";
	}

	private AdoptionReport report(SchemaState state, Verdict verdict, String baselineVersion, Boolean written,
			int applied, List<String> pending) {
		Detection detection = (verdict != null) ? verdict.detection() : null;
		return new AdoptionReport(state, this.history.describeSchemas(),
				(verdict != null) ? verdict.evidence() : null, (detection != null) ? detection.level() : null,
				(detection != null) ? detection.distance() : null,
				(detection != null) ? detection.best().stream().map(ReplayedVersion::label).toList() : List.of(),
				baselineVersion, Boolean.TRUE.equals(written), applied, pending, this.settings.dryRun(),
				millisSince(this.started), this.warnings, null);
	}

	static boolean isManaged(HistoryRows fastPath) {
		return fastPath != null && fastPath.applied() > 0 && fastPath.failed() == 0;
	}

	static void endTransaction(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
		}
	}

	static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
