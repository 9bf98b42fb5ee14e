package dev.autobaseline.replay;

import dev.autobaseline.catalog.CatalogSnapshot;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The catalog after one prefix of the versioned migrations.
 *
 * @param version the last migration of the prefix, or {@code null} for the empty prefix
 * @param description that migration's description
 * @param catalog the shadow's catalog after it
 * @param inert whether the migration was replaced by an inert stand-in (a {@code JavaMigration}
 * bean): its effect on the schema was not observed
 */
public record ReplayedVersion(MigrationVersion version, String description, CatalogSnapshot catalog, boolean inert) {

	/** The prefix before the first migration: an empty schema. */
	public static ReplayedVersion emptyPrefix(CatalogSnapshot catalog) {
		return new ReplayedVersion(null, "empty schema", catalog, false);
	}

	/** The same prefix with another catalog. */
	public ReplayedVersion withCatalog(CatalogSnapshot catalog) {
		return new ReplayedVersion(this.version, this.description, catalog, this.inert);
	}

	public boolean isEmptyPrefix() {
		return this.version == null;
	}

	/** How a person names this prefix: {@code V4} or {@code the empty schema}. */
	public String label() {
		return isEmptyPrefix() ? "the empty schema (before the first migration)" : "V" + this.version;
	}

}
