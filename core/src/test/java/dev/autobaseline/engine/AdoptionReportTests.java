package dev.autobaseline.engine;

import java.util.List;

import dev.autobaseline.catalog.MatchLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one INFO line per boot.
 */
class AdoptionReportTests {

	@Test
	void adoptionSummaryNamesStateMatchBaselineAndAppliedMigrations() {
		AdoptionReport report = new AdoptionReport(SchemaState.UNMANAGED, "schema \"public\"", "matched V4",
				MatchLevel.COLUMNS, 0, List.of("V4"), "4", true, 2, List.of(), false, 212, List.of(), null);
		assertThat(report.summary()).isEqualTo("autobaseline: UNMANAGED schema \"public\" matched V4 (columns, strict distance 0)"
				+ " in 212 ms; baselined at 4; Flyway applied 2 migrations");
	}

	@Test
	void managedSummaryIsShort() {
		AdoptionReport report = new AdoptionReport(SchemaState.MANAGED, "schema \"main\"", null, null, null, List.of(),
				null, false, 1, List.of(), false, 3, List.of(), null);
		assertThat(report.summary()).isEqualTo("autobaseline: MANAGED schema \"main\" in 3 ms; Flyway applied 1 migration");
	}

	@Test
	void dryRunSummarySaysWhatWouldHappenAndThatNothingWasWritten() {
		AdoptionReport report = new AdoptionReport(SchemaState.UNMANAGED, "schema \"main\"", "matched V2",
				MatchLevel.COLUMNS, 0, List.of("V2"), "2", false, 1, List.of("V3 create loan"), true, 40, List.of(), null);
		assertThat(report.summary()).isEqualTo("autobaseline: dry run: UNMANAGED schema \"main\" matched V2 (columns,"
				+ " strict distance 0) in 40 ms; would baseline at 2; Flyway would apply 1 migration (V3 create loan);"
				+ " nothing was written");
	}

}
