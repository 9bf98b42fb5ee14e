package dev.autobaseline.engine;

import java.util.List;
import java.util.stream.Collectors;

import dev.autobaseline.catalog.Difference;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.engine.AdoptionRefusedException.Reason;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.ReplayedVersion;
import org.flywaydb.core.api.Location;

/**
 * The refusals' texts: what was found, then the properties or commands that get the user further.
 */
final class Refusals {

	/** Differences listed in a drift report before the rest is counted. */
	static final int LISTED_DIFFERENCES = 20;

	private static final String UNTOUCHED = System.lineSeparator() + "Nothing was written to the database.";

	/** What a failed row means where DDL is not transactional (MariaDB, MySQL). */
	private static final String DATA_NOTE = " Where DDL is not transactional the failed script's statements before"
			+ " its error stay applied, and those that change data show in no catalog.";

	private Refusals() {
	}

	static AdoptionRefusedException of(SchemaState state, HistoryTable history, Detection detection) {
		String where = history.describeDatabase(state);
		String level = detection.level().name().toLowerCase(java.util.Locale.ROOT);
		return switch (detection.outcome()) {
			case NO_MATCH -> new AdoptionRefusedException(state, Reason.NO_MATCH,
					where + " matches no migration version at level " + level + ". The closest is "
							+ detection.closest().label() + " with " + count(detection.differences().size(), "difference")
							+ ":" + driftLines(detection.closest(), detection.differences()) + UNTOUCHED,
					"Bring the schema in line with a migration version, or set autobaseline.ignore-tables to leave out"
							+ " tables that are not the application's, autobaseline.match=tables to compare table names"
							+ " only, or autobaseline.mode=fixed with autobaseline.fixed-version=<version> if you know"
							+ " the version.",
					detection, null);
			case AMBIGUOUS -> new AdoptionRefusedException(state, Reason.AMBIGUOUS,
					where + " matches " + labels(detection.best()) + " equally well (the migrations between them"
							+ " change data only) and autobaseline.on-ambiguous is fail." + UNTOUCHED,
					"Set autobaseline.on-ambiguous=highest to treat the data migrations up to "
							+ last(detection.best()).label() + " as applied, autobaseline.on-ambiguous=lowest to run"
							+ " them, or autobaseline.mode=fixed with autobaseline.fixed-version=<version>.",
					detection, null);
			case NON_CONSECUTIVE -> new AdoptionRefusedException(state, Reason.NON_CONSECUTIVE,
					where + " matches " + labels(detection.best()) + " equally well, but versions between them do"
							+ " not match: baselining at any of them could skip or repeat data changes." + UNTOUCHED,
					"Find out which version the database is at and set autobaseline.mode=fixed with"
							+ " autobaseline.fixed-version=<version>.",
					detection, null);
			case ABOVE_TARGET -> new AdoptionRefusedException(state, Reason.ABOVE_TARGET,
					where + " matches " + detection.closest().label() + ", above spring.flyway.target." + UNTOUCHED,
					"Raise or remove spring.flyway.target, or point the application at the database it should"
							+ " migrate.",
					detection, null);
			case MATCHED -> throw new IllegalArgumentException("Not a refusal: " + detection);
		};
	}

	static AdoptionRefusedException baselineMismatch(HistoryTable history, String recorded, String detected,
			String evidence, Detection detection) {
		return new AdoptionRefusedException(SchemaState.BASELINED, Reason.BASELINE_MISMATCH,
				"The history table " + history.qualified() + " holds a BASELINE row at version " + recorded
						+ ", but the schema " + evidence + ": Flyway would skip or re-run migrations." + UNTOUCHED,
				"Set autobaseline.rebaseline=true to rewrite the BASELINE row to version " + detected
						+ ", or correct the row by hand.",
				detection, null);
	}

	/**
	 * A BASELINE row and failed rows with nothing applied after them: the schema is at a version
	 * (perhaps the recorded one), but the failed script may have changed data before its error.
	 */
	static AdoptionRefusedException failedBaselineAttempt(HistoryTable history, String recorded,
			List<String> failedVersions, String detected, String evidence, Detection detection) {
		return new AdoptionRefusedException(SchemaState.BASELINED, Reason.FAILED_MIGRATIONS,
				"The history table " + history.qualified() + " holds a BASELINE row at version " + recorded + " and "
						+ failedRows(failedVersions) + " after it, and nothing applied successfully: an earlier attempt"
						+ " (baseline-on-migrate, say) failed. The schema " + evidence + "." + DATA_NOTE
						+ UNTOUCHED,
				"Check the data the failed migration may have changed (restore a backup if it must not stay), then set"
						+ " autobaseline.rebaseline=true: it sets the BASELINE row to version " + detected
						+ " and removes the failed rows in one transaction, and Flyway applies the migrations above it.",
				detection, null);
	}

	/** The same refusal, with what a failed attempt's rows mean added to its description. */
	static AdoptionRefusedException withFailedRows(AdoptionRefusedException refusal, List<String> failedVersions) {
		String description = refusal.getDescription();
		String head = description.endsWith(UNTOUCHED)
				? description.substring(0, description.length() - UNTOUCHED.length()) : description;
		return new AdoptionRefusedException(refusal.getState(), refusal.getReason(),
				head + System.lineSeparator() + "The history also holds " + failedRows(failedVersions)
						+ " after its BASELINE row: an earlier attempt failed part-way." + DATA_NOTE
						+ UNTOUCHED,
				refusal.getAction(), refusal.getDetection(), refusal.getCause());
	}

	private static String failedRows(List<String> failedVersions) {
		String versions = failedVersions.stream()
			.map((version) -> (version != null) ? "V" + version : "a repeatable migration")
			.collect(Collectors.joining(", "));
		return count(failedVersions.size(), "failed migration") + (versions.isEmpty() ? "" : " (" + versions + ")");
	}

	static AdoptionRefusedException failedMigrations(HistoryTable history, int failed) {
		return new AdoptionRefusedException(SchemaState.INCONSISTENT, Reason.FAILED_MIGRATIONS,
				"The history table " + history.qualified() + " holds " + count(failed, "failed migration")
						+ " (rows with success = false)." + UNTOUCHED,
				"Undo what the failed migration changed, then set autobaseline.repair=true (it removes the failed"
						+ " rows once the schema matches the last successful version), or delete the rows from "
						+ history.qualified() + " by hand, and start again.",
				null, null);
	}

	static AdoptionRefusedException validationFailed(HistoryTable history, RuntimeException flywayError,
			List<String> scripts) {
		return new AdoptionRefusedException(SchemaState.INCONSISTENT, Reason.VALIDATION_FAILED,
				"Flyway's validation rejected the history in " + history.qualified() + ": " + flywayError.getMessage()
						+ (scripts.isEmpty() ? "" : System.lineSeparator() + "Scripts concerned: " + String.join(", ", scripts)),
				"Resolve the validation error: restore or rename the migration scripts the history names, set"
						+ " spring.flyway.ignore-migration-patterns for versions the application may not know, or run"
						+ " Flyway's repair once the scripts are right.",
				null, flywayError);
	}

	static AdoptionRefusedException drift(HistoryTable history, ReplayedVersion recorded, List<Difference> drift,
			dev.autobaseline.catalog.MatchLevel level) {
		return new AdoptionRefusedException(SchemaState.INCONSISTENT, Reason.DRIFT,
				"The history in " + history.qualified() + " says the database is at " + recorded.label()
						+ ", but the schema differs from what the migrations make up to there, at level "
						+ level.name().toLowerCase(java.util.Locale.ROOT) + ", in " + count(drift.size(), "way") + ":"
						+ driftLines(recorded, drift) + UNTOUCHED,
				"Bring the schema back in line with the migrations (or write a migration for the change), leave"
						+ " tables out with autobaseline.ignore-tables, or set autobaseline.verify-managed=false.",
				null, null);
	}

	static AdoptionRefusedException repairMismatch(HistoryTable history, String lastSuccessful, String detected,
			Detection detection) {
		return new AdoptionRefusedException(SchemaState.INCONSISTENT, Reason.FAILED_MIGRATIONS,
				"The history table " + history.qualified() + " holds failed migrations and autobaseline.repair is"
						+ " true, but the schema matches version " + detected + ", not V" + lastSuccessful
						+ ", the last successful one: the failed migration left changes behind." + UNTOUCHED,
				"Undo what the failed migration changed (or finish it by hand and record it), then start again.",
				detection, null);
	}

	static AdoptionRefusedException foreignHistory(HistoryTable history, List<String> tables) {
		return new AdoptionRefusedException(SchemaState.FOREIGN_HISTORY, Reason.FOREIGN_HISTORY,
				"There is no Flyway history in " + history.qualified() + ", but " + String.join(", ", tables)
						+ " records this application's migrations. Adopting would start a second history." + UNTOUCHED,
				"Point Flyway at the existing history with spring.flyway.table (and spring.flyway.default-schema),"
						+ " or list it in autobaseline.ignore-tables to adopt into " + history.qualified() + " anyway.",
				null, null);
	}

	/**
	 * The history, re-read inside the write transaction, is not what the inspection read:
	 * another process wrote to it without the adoption lock. The transaction was rolled back.
	 */
	static AdoptionRefusedException historyChanged(SchemaState state, HistoryTable history, String inspected,
			String now) {
		return new AdoptionRefusedException(state, Reason.HISTORY_CHANGED,
				"The history table " + history.qualified() + " changed after it was inspected (it held " + inspected
						+ ", it now holds " + now + "): another process wrote to it without the adoption lock, such as"
						+ " plain Flyway or an instance without the starter." + UNTOUCHED,
				"Let the other process finish, then start the application again: it inspects the database afresh."
						+ " Run every instance that migrates this database with the starter.",
				null, null);
	}

	static AdoptionRefusedException noMigrations(SchemaState state, HistoryTable history, Location[] locations) {
		String searched = java.util.Arrays.stream(locations).map(Location::toString).collect(Collectors.joining(", "));
		return new AdoptionRefusedException(state, Reason.NO_MIGRATIONS,
				history.describeDatabase(state) + " is not empty, but Flyway found no"
						+ " versioned migration in spring.flyway.locations (" + searched + "): without migrations there is"
						+ " no evidence of the version the schema is at." + UNTOUCHED,
				"Check spring.flyway.locations: it must name where the application's migrations are (for example"
						+ " classpath:db/migration, or filesystem:/path/to/migrations), and that place must hold versioned"
						+ " migrations (V1__....sql, Java migrations, B baseline scripts); repeatable (R__) migrations"
						+ " alone are not enough.",
				null, null);
	}

	static AdoptionRefusedException belowFirstVersion(SchemaState state, HistoryTable history, String first) {
		return new AdoptionRefusedException(state, Reason.NO_MATCH,
				history.describeDatabase(state) + " holds none of the migrations'"
						+ " tables, but the first migration, V" + first + ", leaves no lower version to baseline at."
						+ UNTOUCHED,
				"Set autobaseline.mode=fixed with autobaseline.fixed-version=<version>.", null, null);
	}

	static String driftLines(ReplayedVersion closest, List<Difference> differences) {
		String lines = differences.stream()
			.limit(LISTED_DIFFERENCES)
			.map((difference) -> System.lineSeparator() + "  - " + difference.describe(closest.label()))
			.collect(Collectors.joining());
		int rest = differences.size() - LISTED_DIFFERENCES;
		if (rest > 0) {
			lines += System.lineSeparator() + "  ... and " + count(rest, "more difference");
		}
		// Said only where a listed difference is why the version was read as a signature; detection
		// reads the version in full otherwise, and wherever the level counts what a signature lacks.
		if (!closest.catalog().columnsRead() && differences.stream().anyMatch((d) -> d.countsAt(MatchLevel.TABLES))) {
			lines += System.lineSeparator() + "  (" + closest.label() + " already differs in tables, so its columns,"
					+ " column types, keys, indexes and other details were not compared)";
		}
		else if (!closest.catalog().full() && differences.stream().anyMatch((d) -> d.countsAt(MatchLevel.COLUMNS))) {
			lines += System.lineSeparator() + "  (" + closest.label() + " already differs in tables or columns, so"
					+ " its column types, keys, indexes and other details were not compared)";
		}
		return lines;
	}

	static String labels(List<ReplayedVersion> versions) {
		return versions.stream().map(ReplayedVersion::label).collect(Collectors.joining(", "));
	}

	private static ReplayedVersion last(List<ReplayedVersion> versions) {
		return versions.get(versions.size() - 1);
	}

	static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
