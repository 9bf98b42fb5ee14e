package dev.autobaseline.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparing full snapshots: facts missing, extra or changed count at {@code strict} only, and
 * each is one line a person can act on.
 */
class CatalogComparisonTests {

	@Test
	void factsThatDifferCountAtStrictOnly() {
		CatalogSnapshot migrations = catalog(book(Map.of("column isbn", "varchar(20) null", "index btree (title)", "")));
		CatalogSnapshot database = catalog(book(Map.of("column isbn", "text null", "check (price > 0)", "")));
		List<Difference> differences = CatalogComparison.differences(migrations, database);
		assertThat(differences).extracting(Difference::kind)
			.containsExactly(Difference.Kind.EXTRA_FACT, Difference.Kind.CHANGED_FACT, Difference.Kind.MISSING_FACT);
		assertThat(CatalogComparison.matches(differences, MatchLevel.COLUMNS)).isTrue();
		assertThat(CatalogComparison.matches(differences, MatchLevel.STRICT)).isFalse();
	}

	@Test
	void eachFactDifferenceIsOneLineNamingBothDefinitions() {
		CatalogSnapshot migrations = catalog(book(Map.of("column isbn", "varchar(20) null", "index btree (title)", "")));
		CatalogSnapshot database = catalog(book(Map.of("column isbn", "text null", "check (price > 0)", "")));
		assertThat(CatalogComparison.differences(migrations, database)).extracting((d) -> d.describe("V2"))
			.containsExactly("check (price > 0) on public.book exists in the database but in no migration up to V2",
					"column public.book.isbn is varchar(20) null in the migrations up to V2 but text null in the database",
					"index btree (title) on public.book is created by the migrations up to V2 but missing from the database");
	}

	@Test
	void aColumnOnOneSideOnlyIsOneColumnDifferenceNotAlsoAFact() {
		Relation want = new Relation("public.book", Relation.Kind.TABLE, List.of("id", "isbn"),
				Map.of("column id", "integer not null", "column isbn", "text null"));
		Relation have = new Relation("public.book", Relation.Kind.TABLE, List.of("id"), Map.of("column id", "integer not null"));
		assertThat(CatalogComparison.differences(catalog(want), catalog(have))).extracting(Difference::kind)
			.containsExactly(Difference.Kind.MISSING_COLUMN);
	}

	@Test
	void topLevelObjectsAreComparedByDefinition() {
		CatalogSnapshot migrations = CatalogSnapshot.EMPTY
			.withObjects(Map.of("type public.mood", "enum ('happy', 'sad')", "function public.f(integer)", "md5 1"));
		CatalogSnapshot database = CatalogSnapshot.EMPTY
			.withObjects(Map.of("type public.mood", "enum ('happy', 'sad', 'angry')", "sequence public.s", "bigint"));
		assertThat(CatalogComparison.differences(migrations, database)).extracting((d) -> d.describe("V3"))
			.containsExactly(
					"function public.f(integer) is created by the migrations up to V3 but missing from the database",
					"sequence public.s exists in the database but in no migration up to V3",
					"type public.mood is enum ('happy', 'sad') in the migrations up to V3 but enum ('happy', 'sad', 'angry') in the database");
	}

	@Test
	void aChangedFunctionBodyIsNamedWithoutItsDigest() {
		CatalogSnapshot migrations = CatalogSnapshot.EMPTY.withObjects(Map.of("function public.f(integer)", "md5 1"));
		CatalogSnapshot database = CatalogSnapshot.EMPTY.withObjects(Map.of("function public.f(integer)", "md5 2"));
		assertThat(CatalogComparison.differences(migrations, database)).extracting((d) -> d.describe("V4"))
			.containsExactly("function public.f(integer) has another definition in the database than in the migrations up to V4");
	}

	@Test
	void strictIsTheLevelAfterColumns() {
		assertThat(MatchLevel.values()).containsExactly(MatchLevel.TABLES, MatchLevel.COLUMNS, MatchLevel.STRICT);
		assertThat(new Difference(Difference.Kind.MISSING_COLUMN, "book", "isbn").countsAt(MatchLevel.STRICT)).isTrue();
	}

	@Test
	void aChangedViewDefinitionNamesTheView() {
		Relation want = new Relation("public.v", Relation.Kind.VIEW, List.of("id"), Map.of("definition", "SELECT 1"));
		Relation have = new Relation("public.v", Relation.Kind.VIEW, List.of("id"), Map.of("definition", "SELECT 2"));
		assertThat(CatalogComparison.differences(catalog(want), catalog(have))).extracting((d) -> d.describe("V1"))
			.containsExactly("the definition of public.v is SELECT 1 in the migrations up to V1 but SELECT 2 in the database");
	}

	private static Relation book(Map<String, String> facts) {
		return new Relation("public.book", Relation.Kind.TABLE, List.of("id", "isbn"), facts);
	}

	private static CatalogSnapshot catalog(Relation... relations) {
		return CatalogSnapshot.of(List.of(relations));
	}

}
