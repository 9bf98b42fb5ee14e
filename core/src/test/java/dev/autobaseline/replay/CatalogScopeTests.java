package dev.autobaseline.replay;

import java.util.List;
import java.util.Set;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as evidence: owned relations, less history, repeatable-only and ignored ones.
 */
class CatalogScopeTests {

	private final ReplayResult replay = new ReplayResult(List.of(ReplayedVersion.emptyPrefix(CatalogSnapshot.EMPTY),
			new ReplayedVersion(MigrationVersion.fromVersion("1"), "v1",
					catalog("public.book", "public.legacy_cache", "public.flyway_schema_history"), false)),
			Set.of("public.book_view"));

	private final CatalogScope scope = new CatalogScope(this.replay, List.of("legacy_*", "public.tmp?"),
			"public.flyway_schema_history");

	@Test
	void liveKeepsOnlyOwnedRelationsThatAreEvidence() {
		CatalogSnapshot live = catalog("public.book", "public.legacy_cache", "public.audit", "public.book_view",
				"public.flyway_schema_history");
		assertThat(this.scope.live(live).names()).containsExactly("public.book");
	}

	@Test
	void foreignRelationsAreListedButIgnoredAndRepeatableOnesAreNot() {
		CatalogSnapshot live = catalog("public.book", "public.audit", "public.tmp1", "public.book_view");
		assertThat(this.scope.foreign(live)).containsExactly("public.audit");
	}

	@Test
	void patternsMatchQualifiedOrUnqualifiedNamesCaseInsensitively() {
		assertThat(this.scope.isIgnored("public.LEGACY_cache")).isTrue();
		assertThat(this.scope.isIgnored("public.tmp1")).isTrue();
		assertThat(this.scope.isIgnored("public.tmp12")).isFalse();
		assertThat(this.scope.isIgnored("public.book")).isFalse();
	}

	@Test
	void ignoredRelationsTheMigrationsCreateAreReported() {
		assertThat(this.scope.ignoredOwned()).containsExactly("public.legacy_cache");
	}

	@Test
	void factsAndObjectsRepeatableMigrationsOwnAreLeftOutOnBothSidesAndAreNotForeign() {
		Relation versioned = new Relation("public.book", Relation.Kind.TABLE, List.of("id"),
				java.util.Map.of("column id", "integer null", "index btree (id)", ""));
		CatalogSnapshot v1 = CatalogSnapshot.of(List.of(versioned))
			.withObjects(java.util.Map.of("function public.tax(numeric)", "md5 aaa"));
		ReplayResult replay = new ReplayResult(List.of(ReplayedVersion.emptyPrefix(CatalogSnapshot.EMPTY),
				new ReplayedVersion(MigrationVersion.fromVersion("1"), "v1", v1, false)), Set.of(),
				java.util.Map.of("public.book", Set.of("trigger touch")),
				Set.of("function public.tax(numeric)", "function public.touch()"), true);
		CatalogScope scope = new CatalogScope(replay, List.of(), "public.flyway_schema_history");
		Relation withTrigger = new Relation("public.book", Relation.Kind.TABLE, List.of("id"),
				java.util.Map.of("column id", "integer null", "index btree (id)", "", "trigger touch", "CREATE TRIGGER ..."));
		CatalogSnapshot live = CatalogSnapshot.of(List.of(withTrigger))
			.withObjects(java.util.Map.of("function public.tax(numeric)", "md5 bbb", "function public.touch()", "md5 ccc",
					"function public.by_hand()", "md5 ddd"));
		CatalogSnapshot scopedLive = scope.live(live);
		assertThat(scopedLive.relations().get("public.book").facts()).containsOnlyKeys("column id", "index btree (id)");
		assertThat(scopedLive.objects()).isEmpty();
		assertThat(scope.replayed(v1).objects()).isEmpty();
		assertThat(dev.autobaseline.catalog.CatalogComparison.differences(scope.replayed(v1), scopedLive)).isEmpty();
		assertThat(scope.foreign(live)).containsExactly("function public.by_hand()");
	}

	@Test
	void objectsAreNotCalledForeignWhenSomeVersionsObjectsWereNotRead() {
		ReplayResult replay = new ReplayResult(this.replay.versions(), Set.of(), java.util.Map.of(), Set.of(), false);
		CatalogScope scope = new CatalogScope(replay, List.of(), "public.flyway_schema_history");
		CatalogSnapshot live = catalog("public.book", "public.audit")
			.withObjects(java.util.Map.of("type public.mood", "enum ('a')"));
		assertThat(scope.foreign(live)).containsExactly("public.audit");
	}

	private static CatalogSnapshot catalog(String... names) {
		return CatalogSnapshot.of(java.util.Arrays.stream(names)
			.map((name) -> new Relation(name, Relation.Kind.TABLE, List.of("id")))
			.toList());
	}

}
