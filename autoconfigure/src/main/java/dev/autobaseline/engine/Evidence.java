package dev.autobaseline.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.autobaseline.catalog.CatalogComparison;
import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Difference;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.replay.CatalogScope;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.FlywayQuieter;
import dev.autobaseline.replay.ReplayResult;
import dev.autobaseline.replay.ReplayedVersion;
import dev.autobaseline.replay.ShadowReplay;
import dev.autobaseline.replay.VersionChooser;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * What detection compares: every replayed prefix and the live catalog, both scoped to the
 * relations that are evidence (foreign, ignored and repeatable-only ones left out).
 *
 * @param replay the replay's result
 * @param versions the replayed prefixes, scoped
 * @param live the live catalog, scoped
 */
record Evidence(ReplayResult replay, List<ReplayedVersion> versions, CatalogSnapshot live) {

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory
		.getLog(Evidence.class);

	/**
	 * Replays the migrations into a shadow, reads live where Flyway and the migrations put
	 * relations, and warns about what is left out.
	 */
	static Evidence gather(Dialect dialect, LiveDatabase live, HistoryTable history, Configuration configuration,
			AutobaselineSettings settings, FlywayQuieter quieter, Consumer<String> warn) throws SQLException {
		ReplayResult replay = new ShadowReplay(dialect, live, settings.shadow(), settings.replayTimeout(),
				settings.allowClusterStatements(), quieter)
			.javaMigrationBeans(settings.javaMigrationBeans())
			.replay(configuration, history.schema(), history.schemas());
		CatalogScope scope = new CatalogScope(replay, settings.ignoreTables(), history.key());
		CatalogSnapshot liveCatalog;
		try (Connection connection = dialect.openInspection(live, settings.dryRun())) {
			// Flyway's schemas and those the migrations create relations in; other schemas are not ours.
			Set<String> schemas = new TreeSet<>(history.schemas());
			replay.ownedRelations().forEach((key) -> schemas.add(dialect.schemaOf(key)));
			liveCatalog = dialect.readCatalog(connection, schemas);
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		List<String> foreign = scope.foreign(liveCatalog);
		if (!foreign.isEmpty()) {
			warn.accept("autobaseline: " + Refusals.count(foreign.size(), "object")
					+ " unknown to the migrations, left alone: " + String.join(", ", foreign));
		}
		List<String> hidden = scope.ignoredOwned();
		if (!hidden.isEmpty()) {
			warn.accept("autobaseline: autobaseline.ignore-tables hides relations the migrations create: "
					+ String.join(", ", hidden));
		}
		List<ReplayedVersion> versions = replay.versions()
			.stream()
			.map((version) -> version.withCatalog(scope.replayed(version.catalog())))
			.toList();
		return new Evidence(replay, versions, scope.live(liveCatalog));
	}

	/** Which version the live catalog is at; at DEBUG, one line per version compared. */
	Detection choose(AutobaselineSettings settings, MigrationVersion target) {
		if (logger.isDebugEnabled()) {
			for (ReplayedVersion version : this.versions) {
				List<Difference> differences = driftFrom(version);
				logger.debug("autobaseline: compared " + version.label() + " with the database: "
						+ (CatalogComparison.matches(differences, settings.match()) ? "candidate" : "no match") + " at "
						+ settings.match().name().toLowerCase(java.util.Locale.ROOT) + ", "
						+ Refusals.count(differences.size(), "difference"));
			}
		}
		return VersionChooser.choose(this.versions, this.live, settings.match(), settings.onAmbiguous(), target);
	}

	/** The prefix that ends at the version (the empty prefix for 0 or below the first migration). */
	ReplayedVersion at(MigrationVersion version) {
		ReplayedVersion at = this.versions.get(0);
		for (ReplayedVersion candidate : this.versions) {
			if (!candidate.isEmptyPrefix() && !candidate.version().isNewerThan(version)) {
				at = candidate;
			}
		}
		return at;
	}

	/** How live differs from the catalog the migrations produce up to the version. */
	List<Difference> driftFrom(ReplayedVersion version) {
		return CatalogComparison.differences(version.catalog(), this.live);
	}

}
