package dev.autobaseline.engine;

import java.util.List;
import java.util.Map;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Difference;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.replay.ReplayedVersion;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the differences listed for a refusal's closest version are all a person needs, and when
 * that version must be read again in full.
 */
class EvidenceTests {

	private static final Difference MISSING_TABLE = new Difference(Difference.Kind.MISSING_RELATION, "loan", null);

	private static final Difference EXTRA_COLUMN = new Difference(Difference.Kind.EXTRA_COLUMN, "book", "legacy_flag");

	private static final Difference MISSING_TYPE = new Difference(Difference.Kind.MISSING_FACT, null,
			"type public.genre_kind", "enum ('FICTION')", null);

	private static ReplayedVersion v5(boolean full, boolean columnsRead) {
		return new ReplayedVersion(MigrationVersion.fromVersion("5"), "genre kind",
				new CatalogSnapshot(Map.of(), Map.of(), full, true, columnsRead), false);
	}

	@Test
	void aVersionReadInFullListsEverythingAtEveryLevel() {
		for (MatchLevel level : MatchLevel.values()) {
			assertThat(Evidence.listsEnough(v5(true, true), List.of(), level)).as(level.name()).isTrue();
		}
	}

	@Test
	void aSignatureNeverListsEnoughAtStrict() {
		// Its types, keys, indexes and defaults were not read, and strict counts them.
		assertThat(Evidence.listsEnough(v5(false, true), List.of(MISSING_TYPE), MatchLevel.STRICT)).isFalse();
		assertThat(Evidence.listsEnough(v5(false, true), List.of(EXTRA_COLUMN), MatchLevel.STRICT)).isFalse();
	}

	@Test
	void aSignatureWithColumnsListsEnoughBelowStrictWhenATableOrColumnDifferenceSaysWhy() {
		assertThat(Evidence.listsEnough(v5(false, true), List.of(EXTRA_COLUMN), MatchLevel.COLUMNS)).isTrue();
		assertThat(Evidence.listsEnough(v5(false, true), List.of(MISSING_TABLE), MatchLevel.TABLES)).isTrue();
		// Nothing it holds explains why it was not read in full: "already differs" would not be true.
		assertThat(Evidence.listsEnough(v5(false, true), List.of(MISSING_TYPE), MatchLevel.COLUMNS)).isFalse();
		assertThat(Evidence.listsEnough(v5(false, true), List.of(), MatchLevel.COLUMNS)).isFalse();
	}

	@Test
	void aSignatureOfNamesOnlyListsEnoughAtTablesOnlyWhenATableDifferenceSaysWhy() {
		assertThat(Evidence.listsEnough(v5(false, false), List.of(MISSING_TABLE), MatchLevel.TABLES)).isTrue();
		assertThat(Evidence.listsEnough(v5(false, false), List.of(MISSING_TABLE), MatchLevel.COLUMNS)).isFalse();
		assertThat(Evidence.listsEnough(v5(false, false), List.of(), MatchLevel.TABLES)).isFalse();
	}

}
