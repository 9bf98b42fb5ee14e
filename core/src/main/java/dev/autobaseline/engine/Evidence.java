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
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.log.EngineLog;
import dev.autobaseline.replay.CatalogScope;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.FlywayQuieter;
import dev.autobaseline.replay.PossibleCandidates;
import dev.autobaseline.replay.ReplayResult;
import dev.autobaseline.replay.ReplayedVersion;
import dev.autobaseline.replay.ShadowReplay;
import dev.autobaseline.replay.SnapshotPolicy;
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

	private static final EngineLog logger = EngineLog.of(Evidence.class);


	/** How much of each replayed version {@link #gather} reads. */
	enum Reads {

		/**
		 * A signature (column names only where names and kinds could match) and the full catalog
		 * where it could be a candidate.
		 */
		AS_NEEDED,

		/** The same, with column names for every version: a refusal then names the closest version by columns too. */
		COLUMNS_OF_EVERY_VERSION,

		/** Every version in full: a signature turned out to match once the replay's end was known. */
		EVERY_VERSION_IN_FULL

	}

	/**
	 * Reads live where Flyway and the migrations put relations, replays the migrations into a
	 * shadow (a signature after every version, the full catalog only for possible candidates), and
	 * warns about what is left out.
	 * @param reads how much of each version to read
	 * @param inFull a version read in full besides, whatever {@code reads} says, or {@code null}
	 */
	static Evidence gather(Dialect dialect, LiveDatabase live, HistoryTable history, Configuration configuration,
			AutobaselineSettings settings, FlywayQuieter quieter, Consumer<String> warn, Reads reads,
			MigrationVersion inFull) throws SQLException {
		boolean everyVersionInFull = reads == Reads.EVERY_VERSION_IN_FULL;
		LiveReader liveReader = new LiveReader(dialect, live, history.schema(), settings.dryRun());
		// Flyway's schemas now, those the migrations create relations in when the replay gets there.
		liveReader.read(new TreeSet<>(history.schemas()));
		PossibleCandidates candidates = new PossibleCandidates(liveReader, settings.match(), settings.ignoreTables(),
				history.key());
		if (reads == Reads.COLUMNS_OF_EVERY_VERSION) {
			candidates.columnsOfEveryVersion();
		}
		ReplayResult replay = new ShadowReplay(dialect, live, settings.shadow(), settings.replayTimeout(),
				settings.allowClusterStatements(), quieter)
			.javaMigrationBeans(settings.javaMigrationBeans())
			.snapshots(everyVersionInFull ? SnapshotPolicy.ALWAYS_FULL
					: (inFull != null) ? candidates.alsoInFull(inFull) : candidates)
			.replay(configuration, history.schema(), history.schemas());
		if (logger.isDebugEnabled() && !everyVersionInFull) {
			logger.debug("autobaseline: replayed " + Refusals.count(replay.migrations().size(), "version")
					+ "; read the full catalog of " + candidates.fullReads()
					+ " (those that could match at " + settings.match().name().toLowerCase(java.util.Locale.ROOT)
					+ ((inFull != null) ? ", and V" + inFull + " to list its differences" : "")
					+ "), a signature of the others");
		}
		CatalogScope scope = new CatalogScope(replay, settings.ignoreTables(), history.key());
		// Every schema the migrations put something in: a schema may hold only a function.
		Set<String> owned = new TreeSet<>(replay.ownedRelations());
		replay.ownedObjects().forEach((key) -> owned.add(CatalogSnapshot.objectName(key)));
		CatalogSnapshot liveCatalog = liveReader.covering(owned);
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

	/**
	 * The live catalog, read in full per schema the first time a relation of that schema needs
	 * it, on a connection opened for each read.
	 */
	private static final class LiveReader implements PossibleCandidates.LiveCatalog {

		private final Dialect dialect;

		private final LiveDatabase live;

		private final String defaultSchema;

		private final boolean readOnly;

		private final Set<String> schemasRead = new TreeSet<>();

		private CatalogSnapshot catalog = CatalogSnapshot.EMPTY;

		LiveReader(Dialect dialect, LiveDatabase live, String defaultSchema, boolean readOnly) {
			this.dialect = dialect;
			this.live = live;
			this.defaultSchema = defaultSchema;
			this.readOnly = readOnly;
		}

		@Override
		public CatalogSnapshot covering(Set<String> relations) throws SQLException {
			Set<String> schemas = new TreeSet<>();
			// A key without a schema (MariaDB) is in Flyway's default one.
			relations.forEach((key) -> schemas.add(java.util.Objects.requireNonNullElse(this.dialect.schemaOf(key),
					this.defaultSchema)));
			schemas.removeAll(this.schemasRead);
			if (!schemas.isEmpty()) {
				read(schemas);
			}
			return this.catalog;
		}

		void read(Set<String> schemas) throws SQLException {
			try (Connection connection = this.dialect.openInspection(this.live, this.readOnly)) {
				this.catalog = this.catalog.plus(this.dialect.readCatalog(connection, schemas));
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
			this.schemasRead.addAll(schemas);
		}

	}

	/** Which version the live catalog is at; at DEBUG, one line per version compared. */
	Detection choose(AutobaselineSettings settings, MigrationVersion target) {
		if (logger.isDebugEnabled()) {
			for (ReplayedVersion version : this.versions) {
				List<Difference> differences = driftFrom(version);
				logger.debug("autobaseline: compared " + version.label()
						+ (version.catalog().full() ? "" : version.catalog().columnsRead() ? " (signature: tables and columns)"
								: " (signature: tables)") + " with the database: "
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

	/**
	 * Whether the differences listed for a version are all a person needs at the level: its catalog
	 * holds everything the level counts, and where it is a signature, one of its differences is
	 * why (a version that differs in tables or columns is not read in full). Otherwise the version
	 * is read again, in full.
	 */
	static boolean listsEnough(ReplayedVersion version, List<Difference> differences, MatchLevel level) {
		CatalogSnapshot catalog = version.catalog();
		if (catalog.full()) {
			return true;
		}
		if (catalog.columnsRead()) {
			return level != MatchLevel.STRICT && differences.stream().anyMatch((d) -> d.countsAt(MatchLevel.COLUMNS));
		}
		return level == MatchLevel.TABLES && differences.stream().anyMatch((d) -> d.countsAt(MatchLevel.TABLES));
	}

	/**
	 * The detection with its closest version taken from this evidence, where the replay read it in
	 * full, and its differences listed from there. Which version is closest stays as decided.
	 */
	Detection withClosestInFull(Detection detection) {
		ReplayedVersion closest = at(detection.closest().version());
		if (!closest.catalog().full()) {
			throw new IllegalStateException("The replay did not read " + closest.label() + " in full");
		}
		return detection.withClosest(closest, driftFrom(closest));
	}

	/** How live differs from the catalog the migrations produce up to the version. */
	List<Difference> driftFrom(ReplayedVersion version) {
		return CatalogComparison.differences(version.catalog(), this.live);
	}

}
