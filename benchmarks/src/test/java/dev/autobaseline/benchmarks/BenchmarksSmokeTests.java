package dev.autobaseline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness end to end on tiny sizes, on SQLite, PostgreSQL and MariaDB: every section runs, checks its
 * outcome (the adoption baselines at the expected version) and lands in the report. Figures from
 * a smoke run mean nothing; timings are never asserted.
 */
class BenchmarksSmokeTests {

	@TempDir
	Path output;

	@Test
	void smokeRunMeasuresEverySectionOnEveryEngineAndWritesTheReport() throws Exception {
		Report report = Benchmarks.run(Options.parse(new String[] { "--smoke", "--out", this.output.toString() }));
		assertThat(report.results()).extracting((result) -> result.section + ":" + result.engine)
			.contains("steady:sqlite", "adoption:sqlite", "replay:sqlite", "doubling:sqlite", "catalog:sqlite",
					"steady:postgresql", "adoption:postgresql", "replay:postgresql", "doubling:postgresql",
					"catalog:postgresql", "steady:mariadb", "adoption:mariadb", "replay:mariadb", "doubling:mariadb",
					"catalog:mariadb");
		String markdown = Files.readString(this.output.resolve("REPORT.md"));
		assertThat(markdown).contains("## Targets", "## Steady state", "## Adoption", "## Replay alone",
				"## Doubling N", "## Catalog of a 2,000-table schema", "load average");
		String json = Files.readString(this.output.resolve("report.json"));
		assertThat(json).contains("\"section\": \"adoption\"", "\"ratioMet\"", "\"medianMs\"");
	}

	@Test
	void migrationSetsArePrefixesOfOneHistory() {
		for (BenchEngine.Flavor flavor : BenchEngine.Flavor.values()) {
			MigrationSet small = MigrationSet.mixed(flavor, 50);
			MigrationSet large = MigrationSet.mixed(flavor, 100);
			assertThat(large.migrations().subList(0, 50)).isEqualTo(small.migrations());
			assertThat(large.migrations().get(large.middleVersion()).kind().changesColumns).isTrue();
			assertThat(large.middleVersion()).isLessThanOrEqualTo(50);
		}
	}

}
