package dev.autobaseline.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.catalog.Relation;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which replayed versions are read in full: every version that can be a candidate, few others.
 * Pure, no database.
 */
class PossibleCandidatesTests {

	private static final CatalogSnapshot LIVE = catalog(
			Map.of("type public.mood", "enum ('sad', 'ok')"),
			table("author", "id", "name"), table("book", "id", "title", "isbn"), table("other_app", "id"),
			table("flyway_schema_history", "installed_rank"));

	@Test
	void aVersionWhoseTablesAndColumnsAreAllInTheDatabaseIsReadInFull() throws Exception {
		PossibleCandidates candidates = candidates(MatchLevel.COLUMNS);
		assertThat(readsFull(candidates, "1", table("author", "id", "name"))).isTrue();
		// The book table is not in V1 but it is no version's yet: it may be foreign.
		assertThat(readsFull(candidates, "2", table("author", "id", "name"), table("book", "id", "title", "isbn")))
			.isTrue();
	}

	@Test
	void columnOrderDoesNotMatterAsInTheComparison() throws Exception {
		assertThat(readsFull(candidates(MatchLevel.COLUMNS), "1", table("book", "title", "id", "isbn"))).isTrue();
	}

	@Test
	void aTableMissingFromTheDatabaseMakesASignature() throws Exception {
		assertThat(readsFull(candidates(MatchLevel.TABLES), "1", table("author", "id", "name"), table("loan", "id")))
			.isFalse();
	}

	@Test
	void anotherKindMakesASignature() throws Exception {
		Relation view = new Relation("author", Relation.Kind.VIEW, List.of("id", "name"));
		assertThat(readsFull(candidates(MatchLevel.TABLES), "1", view)).isFalse();
	}

	@Test
	void otherColumnsMakeASignatureFromColumnsUp() throws Exception {
		Relation book = table("book", "id", "title");
		assertThat(readsFull(candidates(MatchLevel.COLUMNS), "1", book)).isFalse();
		assertThat(readsFull(candidates(MatchLevel.STRICT), "1", book)).isFalse();
		assertThat(readsFull(candidates(MatchLevel.TABLES), "1", book)).isTrue();
	}

	@Test
	void aTableAnEarlierVersionCreatedAndThisOneLacksMakesASignature() throws Exception {
		PossibleCandidates candidates = candidates(MatchLevel.COLUMNS);
		assertThat(readsFull(candidates, "1", table("author", "id", "name"), table("book", "id", "title", "isbn")))
			.isTrue();
		// V2 drops book, which the database has: an extra relation at every level.
		assertThat(readsFull(candidates, "2", table("author", "id", "name"))).isFalse();
	}

	@Test
	void theHistoryTableAndIgnoredTablesAreNotEvidence() throws Exception {
		PossibleCandidates candidates = new PossibleCandidates((names) -> LIVE, MatchLevel.COLUMNS, List.of("scratch_*"),
				"flyway_schema_history");
		assertThat(readsFull(candidates, "1", table("author", "id", "name"), table("scratch_1", "x"))).isTrue();
		// The shadow's own history table has other columns than live's: left out on both sides.
		assertThat(readsFull(candidates, "2", table("author", "id", "name"), table("flyway_schema_history", "x")))
			.isTrue();
	}

	@Test
	void topLevelObjectsCountAtStrictOnlyAndByKey() throws Exception {
		CatalogSnapshot otherType = catalog(Map.of("type public.feeling", "enum ('sad')"), table("author", "id", "name"));
		assertThat(readsFull(candidates(MatchLevel.STRICT), "1", otherType)).isFalse();
		assertThat(readsFull(candidates(MatchLevel.COLUMNS), "1", otherType)).isTrue();
		// Another definition may yet be replaced by a repeatable migration: read in full.
		CatalogSnapshot otherLabels = catalog(Map.of("type public.mood", "enum ('sad')"), table("author", "id", "name"));
		assertThat(readsFull(candidates(MatchLevel.STRICT), "1", otherLabels)).isTrue();
	}

	@Test
	void anObjectAnEarlierVersionCreatedAndThisOneDroppedMakesASignatureAtStrict() throws Exception {
		PossibleCandidates candidates = candidates(MatchLevel.STRICT);
		assertThat(readsFull(candidates, "1",
				catalog(Map.of("type public.mood", "enum ('sad', 'ok')"), table("author", "id", "name"))))
			.isTrue();
		assertThat(readsFull(candidates, "2", catalog(Map.of(), table("author", "id", "name")))).isFalse();
	}

	@Test
	void liveIsAskedForTheSchemasOfTheRelationsOfEachVersion() throws Exception {
		List<Set<String>> asked = new ArrayList<>();
		PossibleCandidates candidates = new PossibleCandidates((names) -> {
			asked.add(Set.copyOf(names));
			return LIVE;
		}, MatchLevel.COLUMNS, List.of(), "flyway_schema_history");
		readsFull(candidates, "1", table("author", "id", "name"), table("flyway_schema_history", "x"));
		assertThat(asked).containsExactly(Set.of("author"));
	}

	@Test
	void everyPrefixThatMatchesIsReadInFullAndTheDetectionIsTheSame() throws Exception {
		// Column names for every version.
		eachLivePrefix((level, candidates, version) -> version.catalog().asSignature(), (level, liveLabel, candidates) -> {
			assertThat(candidates.fullReads()).as("full reads for %s at %s", liveLabel, level)
				.isLessThanOrEqualTo((level == MatchLevel.TABLES) ? history().size() : 12);
		});
	}

	@Test
	void columnNamesReadAtOnceAfterAVersionPossibleByNamesChangeNoDetection() throws Exception {
		// As the replay reads: column names at once when the policy guesses so, else names first and
		// column names only when the policy wants them.
		Map<MatchLevel, Integer> atOnce = new java.util.EnumMap<>(MatchLevel.class);
		eachLivePrefix((level, candidates, version) -> {
			CatalogSnapshot names = names(version.catalog().relations().values().toArray(Relation[]::new));
			boolean guessed = candidates.readsColumnsAtOnce();
			if (guessed) {
				atOnce.merge(level, 1, Integer::sum);
			}
			return (guessed || candidates.readsColumns(names)) ? version.catalog().asSignature() : names;
		}, (level, liveLabel, candidates) -> {
		});
		// Below columns no version needs column names; from columns up, most runs of versions
		// possible by names are read at once.
		assertThat(atOnce).doesNotContainKey(MatchLevel.TABLES);
		assertThat(atOnce.get(MatchLevel.COLUMNS)).isGreaterThan(history().size());
		assertThat(atOnce.get(MatchLevel.STRICT)).isGreaterThan(history().size());
	}

	/** How a test reads a replayed version's signature. */
	@FunctionalInterface
	private interface SignatureReading {

		CatalogSnapshot read(MatchLevel level, PossibleCandidates candidates, ReplayedVersion version) throws Exception;

	}

	/** What a test checks of the policy once a replay against one live prefix ended. */
	@FunctionalInterface
	private interface AfterReplay {

		void check(MatchLevel level, String liveLabel, PossibleCandidates candidates);

	}

	/**
	 * With live at each prefix of {@link #history()} in turn and at every level, reads each version
	 * as {@code reading} does, in full where the policy says so, and asserts the detection is that
	 * of every version read in full.
	 */
	private static void eachLivePrefix(SignatureReading reading, AfterReplay after) throws Exception {
		List<ReplayedVersion> full = history();
		for (MatchLevel level : MatchLevel.values()) {
			for (ReplayedVersion liveVersion : full) {
				CatalogSnapshot live = liveVersion.catalog();
				PossibleCandidates candidates = new PossibleCandidates((names) -> live, level, List.of(), "history");
				List<ReplayedVersion> read = new ArrayList<>(List.of(full.get(0)));
				for (ReplayedVersion version : full.subList(1, full.size())) {
					CatalogSnapshot signature = reading.read(level, candidates, version);
					read.add(candidates.readsFull(version.version(), signature) ? version
							: version.withCatalog(signature));
				}
				assertSameDetection(full, read, live, level, liveVersion.label());
				after.check(level, liveVersion.label(), candidates);
			}
		}
	}

	private static void assertSameDetection(List<ReplayedVersion> full, List<ReplayedVersion> read,
			CatalogSnapshot live, MatchLevel level, String liveLabel) {
		Detection allFull = VersionChooser.choose(full, live, level, OnAmbiguous.FAIL, MigrationVersion.LATEST);
		Detection signatures = VersionChooser.choose(read, live, level, OnAmbiguous.FAIL, MigrationVersion.LATEST);
		assertThat(signatures.outcome()).as("%s at %s", liveLabel, level).isEqualTo(allFull.outcome());
		assertThat(signatures.best().stream().map(ReplayedVersion::label))
			.isEqualTo(allFull.best().stream().map(ReplayedVersion::label).toList());
	}

	/** A history with data-only runs, dropped tables and added columns, each prefix in full. */
	private static List<ReplayedVersion> history() {
		List<ReplayedVersion> full = new ArrayList<>(List.of(ReplayedVersion.emptyPrefix(CatalogSnapshot.EMPTY)));
		List<Relation> relations = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			if (i % 7 == 0 && relations.size() > 2) {
				relations.remove(1);
			}
			else if (i % 5 == 0) {
				Relation first = relations.get(0);
				List<String> columns = new ArrayList<>(first.columns());
				columns.add("c" + i);
				relations.set(0, new Relation(first.name(), first.kind(), columns,
						Map.of("column c" + i, "integer null")));
			}
			else if (i % 4 != 0) {
				relations.add(new Relation("t_" + i, Relation.Kind.TABLE, List.of("id"), Map.of("pk (id)", "")));
			}
			// Every fourth (not fifth or seventh) version changes data only.
			CatalogSnapshot catalog = CatalogSnapshot.of(relations);
			full.add(new ReplayedVersion(MigrationVersion.fromVersion(String.valueOf(i)), "v" + i,
					catalog.equals(full.get(full.size() - 1).catalog()) ? full.get(full.size() - 1).catalog() : catalog,
					false));
		}
		return full;
	}

	@Test
	void columnNamesAreReadAtOnceAfterAVersionItsNamesLeftPossibleFromColumnsUp() throws Exception {
		PossibleCandidates candidates = candidates(MatchLevel.COLUMNS);
		assertThat(candidates.readsColumnsAtOnce()).isFalse();
		readsFull(candidates, "1", table("author", "id"));
		// V1's names are all in the database (its columns are not): V2's are likely too.
		assertThat(candidates.readsColumnsAtOnce()).isTrue();
		readsFull(candidates, "2", table("author", "id"), table("loan", "id"));
		assertThat(candidates.readsColumnsAtOnce()).isFalse();
		PossibleCandidates tables = candidates(MatchLevel.TABLES);
		readsFull(tables, "1", table("author", "id", "name"));
		assertThat(tables.readsColumnsAtOnce()).isFalse();
		assertThat(candidates(MatchLevel.TABLES).columnsOfEveryVersion().readsColumnsAtOnce()).isTrue();
	}

	private static PossibleCandidates candidates(MatchLevel level) {
		return new PossibleCandidates((names) -> LIVE, level, List.of(), "flyway_schema_history");
	}

	@Test
	void columnNamesAreWantedOnlyWhereNamesAndKindsLeaveACandidateFromColumnsUp() throws Exception {
		PossibleCandidates candidates = candidates(MatchLevel.COLUMNS);
		assertThat(candidates.readsColumns(names(table("author"), table("book")))).isTrue();
		// loan is not in the database: whatever its columns, not a candidate.
		assertThat(candidates.readsColumns(names(table("author"), table("loan")))).isFalse();
		assertThat(candidates.readsColumns(names(new Relation("author", Relation.Kind.VIEW, List.of())))).isFalse();
		// book is the migrations' now, and V3 lacks it while the database has it.
		assertThat(candidates.readsColumns(names(table("author")))).isFalse();
		assertThat(candidates(MatchLevel.STRICT).readsColumns(names(table("author")))).isTrue();
		// Below columns, names decide alone: no version needs its columns.
		assertThat(candidates(MatchLevel.TABLES).readsColumns(names(table("author")))).isFalse();
	}

	@Test
	void aSignatureOfNamesOnlyIsReadInFullOnlyBelowColumnsWhenItsNamesAllow() throws Exception {
		assertThat(candidates(MatchLevel.TABLES).readsFull(MigrationVersion.fromVersion("1"), names(table("author"))))
			.isTrue();
		assertThat(candidates(MatchLevel.TABLES).readsFull(MigrationVersion.fromVersion("1"),
				names(table("author"), table("loan"))))
			.isFalse();
		assertThat(candidates(MatchLevel.COLUMNS).readsFull(MigrationVersion.fromVersion("1"),
				names(table("author"), table("loan"))))
			.isFalse();
	}

	/** A signature of names only, as a dialect reads it before it asks whether columns are wanted. */
	private static CatalogSnapshot names(Relation... relations) {
		CatalogSnapshot catalog = CatalogSnapshot.of(Arrays.asList(relations));
		return new CatalogSnapshot(catalog.relations(), Map.of(), false, false, false);
	}

	private static boolean readsFull(PossibleCandidates candidates, String version, Relation... relations)
			throws Exception {
		return readsFull(candidates, version, catalog(Map.of(), relations));
	}

	private static boolean readsFull(PossibleCandidates candidates, String version, CatalogSnapshot catalog)
			throws Exception {
		return candidates.readsFull(MigrationVersion.fromVersion(version), catalog.asSignature());
	}

	private static CatalogSnapshot catalog(Map<String, String> objects, Relation... relations) {
		return CatalogSnapshot.of(Arrays.asList(relations)).withObjects(objects);
	}

	private static Relation table(String name, String... columns) {
		return new Relation(name, Relation.Kind.TABLE, List.of(columns));
	}

}
