package dev.autobaseline.replay;

import java.sql.SQLException;

import dev.autobaseline.catalog.CatalogSnapshot;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Which replayed versions get a full catalog snapshot. Every version gets a signature (names and
 * kinds, and column names where {@link #readsColumns} wants them); facts cost far more to read and
 * matter only for versions that can be candidates.
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

	/**
	 * Whether the signature of this version needs column names, asked with its names and kinds
	 * (where the dialect can read those alone, cheaper): without them the version is a signature
	 * of names only. Every version read in full has them.
	 * @param names the shadow's relations after the version just replayed, names and kinds only
	 */
	default boolean readsColumns(CatalogSnapshot names) throws SQLException {
		return true;
	}

	/**
	 * Whether the next signature reads column names at once, without asking {@link #readsColumns}
	 * with its names first: a dialect that reads names first then makes one round trip instead of two.
	 */
	default boolean readsColumnsAtOnce() {
		return false;
	}

	/** Whether signatures hold the top-level objects (types, functions, sequences). */
	default boolean signatureObjects() {
		return true;
	}

	/**
	 * This policy, and the one version named read in full besides, when the replay passes it: a
	 * version whose differences must all be listed (the one a refusal names, the one a history
	 * records) while every other version is read as this policy reads it.
	 * @param version the version to read in full
	 */
	default SnapshotPolicy alsoInFull(MigrationVersion version) {
		SnapshotPolicy policy = this;
		return new SnapshotPolicy() {

			@Override
			public boolean readsFull(MigrationVersion replayed, CatalogSnapshot signature) throws SQLException {
				// Asked first, always: the policy may learn from every version it sees.
				return policy.readsFull(replayed, signature) || version.equals(replayed);
			}

			@Override
			public boolean readsColumns(CatalogSnapshot names) throws SQLException {
				return policy.readsColumns(names);
			}

			@Override
			public boolean readsColumnsAtOnce() {
				return policy.readsColumnsAtOnce();
			}

			@Override
			public boolean signatureObjects() {
				return policy.signatureObjects();
			}

		};
	}

}
