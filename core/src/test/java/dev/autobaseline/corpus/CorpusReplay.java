package dev.autobaseline.corpus;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.engine.AutobaselineSettings;
import dev.autobaseline.replay.CatalogScope;
import dev.autobaseline.replay.FlywayQuieter;
import dev.autobaseline.replay.ReplayResult;
import dev.autobaseline.replay.ReplayedVersion;
import dev.autobaseline.replay.ShadowReplay;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * One migration set of the corpus, replayed once into a shadow with the product's replay, and
 * walked once through a real live database one version at a time with plain Flyway.
 *
 * @param set the set's name
 * @param folder the set's migrations
 * @param replay what the replay produced (empty prefix first)
 * @param scope the evidence scope the engine would use
 * @param scoped the replayed prefixes as evidence, in the replay's order
 * @param live the live catalog after each prefix, read in full (history table included)
 * @param historyKey the history table's relation key
 */
record CorpusReplay(String set, Path folder, ReplayResult replay, CatalogScope scope, List<ReplayedVersion> scoped,
		List<CatalogSnapshot> live, String historyKey) {

	/**
	 * Replays the set with the live database still empty (as the product would replay it for
	 * that database), then walks the live database through it.
	 */
	static CorpusReplay of(String set, Path folder, CorpusDatabase walked) throws Exception {
		Dialect dialect = Dialect.forUrl(walked.url());
		String schema = walked.schema();
		String historyKey = dialect.relationKey(schema, "flyway_schema_history");
		LiveDatabase liveDatabase = new LiveDatabase(
				new dev.autobaseline.dialect.DriverManagerDataSource(walked.url(), walked.username(), walked.password()),
				walked.url(), walked.username(), walked.password());
		Flyway flyway = flyway(walked, folder).load();
		ReplayResult replay = new ShadowReplay(dialect, liveDatabase, ShadowSettings.NONE,
				AutobaselineSettings.DEFAULT_REPLAY_TIMEOUT, false, FlywayQuieter.NONE)
			.replay(flyway.getConfiguration(), schema, List.of(schema));
		CatalogScope scope = new CatalogScope(replay, List.of(), historyKey);
		List<ReplayedVersion> scoped = replay.versions()
			.stream()
			.map((version) -> version.withCatalog(scope.replayed(version.catalog())))
			.toList();
		List<CatalogSnapshot> live = new ArrayList<>();
		live.add(read(dialect, walked));
		for (ReplayedVersion version : replay.migrations()) {
			flyway(walked, folder).target(version.version()).validateOnMigrate(false).load().migrate();
			live.add(read(dialect, walked));
		}
		return new CorpusReplay(set, folder, replay, scope, scoped, List.copyOf(live), historyKey);
	}

	static FluentConfiguration flyway(CorpusDatabase database, Path folder) {
		return Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("filesystem:" + folder);
	}

	private static CatalogSnapshot read(Dialect dialect, CorpusDatabase database) throws Exception {
		try (Connection connection = database.connect()) {
			// Every user schema: a migration may create its own (a schema of views, of functions).
			return dialect.readCatalog(connection);
		}
	}

	/** How many prefixes the set has, the empty one included. */
	int prefixes() {
		return this.scoped.size();
	}

	/** The live catalog at a prefix as the engine sees it: owned relations only, no history table. */
	CatalogSnapshot liveEvidence(int prefix) {
		return this.scope.live(this.live.get(prefix));
	}

}
