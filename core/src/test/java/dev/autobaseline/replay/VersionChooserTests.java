package dev.autobaseline.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.catalog.Relation;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version chooser on hand-built catalogs: pure, no database.
 */
class VersionChooserTests {

	private static final MigrationVersion NO_TARGET = MigrationVersion.LATEST;

	@Test
	void everyPrefixOfADistinctHistoryIsFoundAtItsOwnVersion() {
		List<ReplayedVersion> versions = history(200);
		for (int i = 0; i < versions.size(); i++) {
			Detection detection = VersionChooser.choose(versions, versions.get(i).catalog(), MatchLevel.COLUMNS,
					OnAmbiguous.FAIL, NO_TARGET);
			assertThat(detection.outcome()).isEqualTo(Detection.Outcome.MATCHED);
			assertThat(detection.chosen()).isSameAs(versions.get(i));
			assertThat(detection.distance()).isZero();
		}
	}

	@Test
	void columnsLevelTellsApartVersionsThatAddAColumn() {
		List<ReplayedVersion> versions = List.of(empty(), version("1", table("book", "id")),
				version("2", table("book", "id", "isbn")));
		Detection detection = VersionChooser.choose(versions, catalog(table("book", "id")), MatchLevel.COLUMNS,
				OnAmbiguous.HIGHEST, NO_TARGET);
		assertThat(detection.chosen().version()).hasToString("1");
	}

	@Test
	void tablesLevelPrefersTheCandidateWithFewestColumnDifferences() {
		List<ReplayedVersion> versions = List.of(empty(), version("1", table("book", "id")),
				version("2", table("book", "id", "isbn")));
		Detection detection = VersionChooser.choose(versions, catalog(table("book", "id", "isbn", "extra")),
				MatchLevel.TABLES, OnAmbiguous.FAIL, NO_TARGET);
		assertThat(detection.outcome()).isEqualTo(Detection.Outcome.MATCHED);
		assertThat(detection.chosen().version()).hasToString("2");
		assertThat(detection.distance()).isEqualTo(1);
	}

	@Test
	void consecutiveEqualVersionsFollowTheAmbiguityPolicy() {
		CatalogSnapshot book = catalog(table("book", "id"));
		List<ReplayedVersion> versions = List.of(empty(), version("1", table("book", "id")), version("2", book),
				version("3", book), version("4", table("book", "id"), table("loan", "id")));
		assertThat(VersionChooser.choose(versions, book, MatchLevel.COLUMNS, OnAmbiguous.HIGHEST, NO_TARGET).chosen()
			.version()).hasToString("3");
		assertThat(VersionChooser.choose(versions, book, MatchLevel.COLUMNS, OnAmbiguous.LOWEST, NO_TARGET).chosen()
			.version()).hasToString("1");
		Detection failed = VersionChooser.choose(versions, book, MatchLevel.COLUMNS, OnAmbiguous.FAIL, NO_TARGET);
		assertThat(failed.outcome()).isEqualTo(Detection.Outcome.AMBIGUOUS);
		assertThat(failed.best()).extracting(ReplayedVersion::label).containsExactly("V1", "V2", "V3");
	}

	@Test
	void highestStopsBeforeAnInertJavaMigration() {
		CatalogSnapshot book = catalog(table("book", "id"));
		List<ReplayedVersion> versions = List.of(empty(), version("1", table("book", "id")), version("2", book),
				new ReplayedVersion(MigrationVersion.fromVersion("3"), "java bean", book, true), version("4", book));
		Detection detection = VersionChooser.choose(versions, book, MatchLevel.COLUMNS, OnAmbiguous.HIGHEST, NO_TARGET);
		assertThat(detection.chosen().version()).hasToString("2");
	}

	@Test
	void equalVersionsThatAreNotConsecutiveAreRefused() {
		List<ReplayedVersion> versions = List.of(empty(), version("1", table("a", "id")),
				version("2", table("a", "id"), table("tmp", "id")), version("3", table("a", "id")),
				version("4", table("a", "id"), table("b", "id")));
		Detection detection = VersionChooser.choose(versions, catalog(table("a", "id")), MatchLevel.COLUMNS,
				OnAmbiguous.HIGHEST, NO_TARGET);
		assertThat(detection.outcome()).isEqualTo(Detection.Outcome.NON_CONSECUTIVE);
		assertThat(detection.best()).extracting(ReplayedVersion::label).containsExactly("V1", "V3");
		assertThat(detection.chosen()).isNull();
	}

	@Test
	void noCandidateReportsTheClosestVersionAndItsDifferences() {
		List<ReplayedVersion> versions = List.of(empty(), version("1", table("book", "id")),
				version("2", table("book", "id"), table("loan", "id")));
		Detection detection = VersionChooser.choose(versions, catalog(table("book", "id", "legacy_flag")),
				MatchLevel.COLUMNS, OnAmbiguous.HIGHEST, NO_TARGET);
		assertThat(detection.outcome()).isEqualTo(Detection.Outcome.NO_MATCH);
		assertThat(detection.closest().label()).isEqualTo("V1");
		assertThat(detection.differences()).singleElement()
			.satisfies((difference) -> assertThat(difference.describe("V1"))
				.isEqualTo("column book.legacy_flag exists in the database but in no migration up to V1"));
	}

	@Test
	void emptyPrefixIsACandidate() {
		List<ReplayedVersion> versions = List.of(empty(), version("1", table("book", "id")));
		Detection detection = VersionChooser.choose(versions, CatalogSnapshot.EMPTY, MatchLevel.COLUMNS,
				OnAmbiguous.FAIL, NO_TARGET);
		assertThat(detection.outcome()).isEqualTo(Detection.Outcome.MATCHED);
		assertThat(detection.chosen().isEmptyPrefix()).isTrue();
	}

	@Test
	void matchAboveTargetIsRefusedAndAtTargetIsAccepted() {
		List<ReplayedVersion> versions = history(5);
		CatalogSnapshot atFour = versions.get(4).catalog();
		assertThat(VersionChooser.choose(versions, atFour, MatchLevel.COLUMNS, OnAmbiguous.FAIL,
				MigrationVersion.fromVersion("3")).outcome()).isEqualTo(Detection.Outcome.ABOVE_TARGET);
		assertThat(VersionChooser.choose(versions, atFour, MatchLevel.COLUMNS, OnAmbiguous.FAIL,
				MigrationVersion.fromVersion("4")).outcome()).isEqualTo(Detection.Outcome.MATCHED);
	}

	@Test
	void viewAndTableOfTheSameNameDiffer() {
		List<ReplayedVersion> versions = List.of(empty(),
				version("1", new Relation("report", Relation.Kind.VIEW, List.of("id"))));
		Detection detection = VersionChooser.choose(versions, catalog(table("report", "id")), MatchLevel.TABLES,
				OnAmbiguous.FAIL, NO_TARGET);
		assertThat(detection.outcome()).isEqualTo(Detection.Outcome.NO_MATCH);
	}

	@Test
	void countedDistancesAgreeWithListingEveryDifference() {
		// Prefixes share unchanged relations, and data-only ones whole snapshots, as replayed ones do;
		// live drifts in every way.
		List<ReplayedVersion> versions = new ArrayList<>();
		for (ReplayedVersion version : history(60)) {
			versions.add(version);
			if (!version.isEmptyPrefix() && version.version().getVersion().endsWith("7")) {
				versions.add(new ReplayedVersion(MigrationVersion.fromVersion(version.version() + ".5"), "data only",
						version.catalog(), false));
			}
		}
		java.util.Random random = new java.util.Random(7);
		for (int round = 0; round < 300; round++) {
			java.util.Map<String, Relation> live = new java.util.LinkedHashMap<>(
					versions.get(random.nextInt(versions.size())).catalog().relations());
			for (int change = random.nextInt(4); change > 0; change--) {
				String name = "t_" + (1 + random.nextInt(70));
				switch (random.nextInt(5)) {
					case 0 -> live.remove(name);
					case 4 -> live.computeIfPresent(name, (key, relation) -> new Relation(key, relation.kind(),
							relation.columns(), Map.of("index btree (id)", "")));
					case 1 -> live.put(name, table(name, "id", "extra"));
					case 2 -> live.put(name, new Relation(name, Relation.Kind.VIEW, List.of("id")));
					default -> live.put(name, table(name));
				}
			}
			CatalogSnapshot snapshot = new CatalogSnapshot(live);
			for (MatchLevel level : MatchLevel.values()) {
				for (OnAmbiguous policy : OnAmbiguous.values()) {
					Detection counted = VersionChooser.choose(versions, snapshot, level, policy, NO_TARGET);
					Detection listed = listingEveryDifference(versions, snapshot, level, policy);
					assertThat(counted).as("round %d at %s, %s", round, level, policy).isEqualTo(listed);
				}
			}
		}
	}

	/** The chooser as first written: every prefix's differences listed in full. */
	private static Detection listingEveryDifference(List<ReplayedVersion> versions, CatalogSnapshot live,
			MatchLevel level, OnAmbiguous onAmbiguous) {
		List<List<dev.autobaseline.catalog.Difference>> differences = versions.stream()
			.map((version) -> dev.autobaseline.catalog.CatalogComparison.differences(version.catalog(), live))
			.toList();
		// Closest: fewest differences in names (tables, columns), then at the level, then in all; ties to the later.
		java.util.Comparator<List<dev.autobaseline.catalog.Difference>> closer = java.util.Comparator
			.<List<dev.autobaseline.catalog.Difference>>comparingLong(
					(list) -> list.stream().filter((difference) -> difference.countsAt(MatchLevel.COLUMNS)).count())
			.thenComparingLong((list) -> list.stream().filter((difference) -> difference.countsAt(level)).count())
			.thenComparingInt(List::size);
		int closest = 0;
		for (int i = 0; i < differences.size(); i++) {
			if (closer.compare(differences.get(i), differences.get(closest)) <= 0) {
				closest = i;
			}
		}
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < versions.size(); i++) {
			if (dev.autobaseline.catalog.CatalogComparison.matches(differences.get(i), level)) {
				candidates.add(i);
			}
		}
		if (candidates.isEmpty()) {
			return new Detection(Detection.Outcome.NO_MATCH, level, null, List.of(), differences.get(closest).size(),
					versions.get(closest), differences.get(closest));
		}
		int bestDistance = candidates.stream().mapToInt((i) -> differences.get(i).size()).min().orElseThrow();
		List<Integer> best = candidates.stream().filter((i) -> differences.get(i).size() == bestDistance).toList();
		List<ReplayedVersion> bestVersions = best.stream().map(versions::get).toList();
		int first = best.get(0);
		if (best.get(best.size() - 1) - first != best.size() - 1) {
			return new Detection(Detection.Outcome.NON_CONSECUTIVE, level, null, bestVersions,
					differences.get(first).size(), versions.get(first), differences.get(first));
		}
		if (best.size() > 1 && onAmbiguous == OnAmbiguous.FAIL) {
			return new Detection(Detection.Outcome.AMBIGUOUS, level, null, bestVersions, differences.get(first).size(),
					versions.get(first), differences.get(first));
		}
		int chosen = (onAmbiguous == OnAmbiguous.LOWEST) ? first : best.get(best.size() - 1);
		return new Detection(Detection.Outcome.MATCHED, level, versions.get(chosen), bestVersions, bestDistance,
				versions.get(chosen), differences.get(chosen));
	}

	@Test
	void versionsThatOnlyAddAnIndexAreToldApartAtColumnsLevel() {
		Relation plain = table("book", "id", "title");
		Relation indexed = new Relation("book", Relation.Kind.TABLE, plain.columns(), Map.of("index btree (title)", ""));
		List<ReplayedVersion> versions = List.of(empty(), version("1", plain), version("2", indexed));
		assertThat(VersionChooser.choose(versions, catalog(indexed), MatchLevel.COLUMNS, OnAmbiguous.FAIL, NO_TARGET)
			.chosen()
			.version()).hasToString("2");
		assertThat(VersionChooser.choose(versions, catalog(plain), MatchLevel.COLUMNS, OnAmbiguous.FAIL, NO_TARGET)
			.chosen()
			.version()).hasToString("1");
	}

	@Test
	void versionsThatOnlyAddAnEnumLabelAreToldApartAtColumnsLevel() {
		CatalogSnapshot two = catalog(table("person", "id", "mood")).withObjects(Map.of("type public.mood", "enum ('a', 'b')"));
		CatalogSnapshot three = two.withObjects(Map.of("type public.mood", "enum ('a', 'b', 'c')"));
		List<ReplayedVersion> versions = List.of(empty(), version("1", two), version("2", three));
		Detection detection = VersionChooser.choose(versions, two, MatchLevel.COLUMNS, OnAmbiguous.FAIL, NO_TARGET);
		assertThat(detection.chosen().version()).hasToString("1");
		assertThat(detection.distance()).isZero();
	}

	@Test
	void strictRefusesASchemaWhoseFactsDifferFromEveryVersion() {
		Relation script = new Relation("book", Relation.Kind.TABLE, List.of("id", "title"), Map.of("column title", "text null"));
		Relation orm = new Relation("book", Relation.Kind.TABLE, List.of("title", "id"), Map.of("column title", "varchar(255) null"));
		List<ReplayedVersion> versions = List.of(empty(), version("1", script));
		Detection strict = VersionChooser.choose(versions, catalog(orm), MatchLevel.STRICT, OnAmbiguous.FAIL, NO_TARGET);
		assertThat(strict.outcome()).isEqualTo(Detection.Outcome.NO_MATCH);
		assertThat(strict.differences()).extracting((d) -> d.describe("V1"))
			.containsExactly("column book.title is text null in the migrations up to V1 but varchar(255) null in the database");
		Detection columns = VersionChooser.choose(versions, catalog(orm), MatchLevel.COLUMNS, OnAmbiguous.FAIL, NO_TARGET);
		assertThat(columns.chosen().version()).hasToString("1");
		assertThat(columns.distance()).isEqualTo(1);
	}

	/** A history where version i adds table t_i, and every third version adds a column to t_1. */
	private static List<ReplayedVersion> history(int count) {
		List<ReplayedVersion> versions = new ArrayList<>(List.of(empty()));
		List<Relation> relations = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			if (i % 3 == 0) {
				Relation first = relations.get(0);
				List<String> columns = new ArrayList<>(first.columns());
				columns.add("c" + i);
				relations.set(0, new Relation(first.name(), first.kind(), columns));
			}
			else {
				relations.add(table("t_" + i, "id"));
			}
			versions.add(version(String.valueOf(i), relations.toArray(Relation[]::new)));
		}
		return versions;
	}

	private static ReplayedVersion empty() {
		return ReplayedVersion.emptyPrefix(CatalogSnapshot.EMPTY);
	}

	private static ReplayedVersion version(String version, Relation... relations) {
		return version(version, catalog(relations));
	}

	private static ReplayedVersion version(String version, CatalogSnapshot catalog) {
		return new ReplayedVersion(MigrationVersion.fromVersion(version), "v" + version, catalog, false);
	}

	private static CatalogSnapshot catalog(Relation... relations) {
		return CatalogSnapshot.of(Arrays.asList(relations));
	}

	private static Relation table(String name, String... columns) {
		return new Relation(name, Relation.Kind.TABLE, List.of(columns));
	}

}
