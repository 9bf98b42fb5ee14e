package dev.autobaseline.replay;

import java.sql.SQLException;

import dev.autobaseline.catalog.CatalogSnapshot;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Which replayed versions get a full catalog snapshot. Every version gets a signature (names,
 * kinds, columns); facts cost far more to read and matter only for versions that can be
 * candidates.
 */
@FunctionalInterface
public interface SnapshotPolicy {

	/** Every version read in full. */
	SnapshotPolicy ALWAYS_FULL = (version, signature) -> true;

	/**
	 * Whether the shadow's catalog after this version is read in full.
	 * @param version the version just replayed
	 * @param signature the shadow's signature after it
	 */
	boolean readsFull(MigrationVersion version, CatalogSnapshot signature) throws SQLException;

	/** Whether signatures hold the top-level objects (types, functions, sequences). */
	default boolean signatureObjects() {
		return true;
	}

}
