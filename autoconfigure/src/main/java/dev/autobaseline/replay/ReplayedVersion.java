package dev.autobaseline.replay;

import dev.autobaseline.catalog.CatalogSnapshot;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The catalog after one prefix of the versioned migrations.
 *
 * @param version the last migration of the prefix, or {@code null} for the empty prefix
 * @param description that migration's description
 * @param catalog the shadow's catalog after it
 */
public record ReplayedVersion(MigrationVersion version, String description, CatalogSnapshot catalog) {

	/** The prefix before the first migration: an empty schema. */
	public static ReplayedVersion emptyPrefix(CatalogSnapshot catalog) {
		return new ReplayedVersion(null, "empty schema", catalog);
	}

	public boolean isEmptyPrefix() {
		return this.version == null;
	}

	/** How a person names this prefix: {@code V4} or {@code the empty schema}. */
	public String label() {
		return isEmptyPrefix() ? "the empty schema (before the first migration)" : "V" + this.version;
	}

}
