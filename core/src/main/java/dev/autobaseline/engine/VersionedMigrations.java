package dev.autobaseline.engine;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Whether Flyway resolves any versioned migration for the application: a SQL or Java migration,
 * a {@code JavaMigration} bean or a {@code B} baseline script. Without one there is no evidence of
 * the version a schema is at (a mistyped {@code spring.flyway.locations} resolves nothing, and
 * Flyway only warns "No migrations found"). Repeatable migrations do not count, and neither do
 * rows of the history table whose scripts are gone.
 */
final class VersionedMigrations {

	private VersionedMigrations() {
	}

	static boolean anyResolved(Flyway flyway) {
		return Arrays.stream(flyway.info().all()).anyMatch(VersionedMigrations::isResolvedVersion);
	}

	/**
	 * A versioned migration the application has: not a history row without a script (state not
	 * resolved), nor one of the rows only the history holds (Flyway's BASELINE, SCHEMA and DELETE).
	 */
	static boolean isResolvedVersion(MigrationInfo migration) {
		return migration.getVersion() != null && migration.getState().isResolved()
				&& !migration.getType().isSynthetic();
	}

}
