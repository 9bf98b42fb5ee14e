package dev.autobaseline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of an earlier report kept in a later run's, each tied to the run it came from.
 */
class ReportMergeTests {

	@TempDir
	Path folder;

	@Test
	void rowsOfEnginesNotMeasuredAreKeptWithTheirRun() {
		Report report = run("2026-12-06T19:00:00Z", "bbbbbbb");
		steady(report, "mariadb", 1.07);
		ReportMerge.keepEarlier(report, earlierJson());

		assertThat(report.results()).extracting((result) -> result.section + ":" + result.engine)
			.containsExactly("steady:sqlite", "catalog:sqlite", "steady:postgresql", "steady:mariadb");
		assertThat(report.runs()).hasSize(2);
		String markdown = markdown(report);
		assertThat(markdown).contains("This report merges 2 runs", "### Run 1: sqlite, postgresql",
				"### Run 2: mariadb",
				"Rows from: sqlite, postgresql from run 1 (2026-12-04T14:13:16Z, commit aaaaaaa, load 1.0 1.0 1.0 -> 0.5"
						+ " 0.5 0.5); mariadb from run 2 (2026-12-06T19:00:00Z, commit bbbbbbb, load 1.0 1.0 1.0 -> 0.5 0.5 0.5).",
				"Rows from: sqlite from run 1 (2026-12-04T14:13:16Z");
		assertThat(report.json()).contains("\"run\": 1", "\"run\": 2", "\"autobaseline commit\": \"aaaaaaa\"");
	}

	@Test
	void rowsMeasuredAgainReplaceTheEarlierOnes() {
		Report report = run("2026-12-06T19:00:00Z", "bbbbbbb");
		steady(report, "sqlite", 1.5);
		ReportMerge.keepEarlier(report, earlierJson());

		assertThat(report.results()).filteredOn((result) -> result.section.equals("steady") && result.engine.equals("sqlite"))
			.singleElement()
			.satisfies((result) -> assertThat(result.get("ratio")).isEqualTo(1.5));
		// The earlier run still has the SQLite catalog and the PostgreSQL rows.
		assertThat(report.runs()).hasSize(2);
	}

	@Test
	void anEarlierRunWithNothingLeftIsDropped() {
		Report report = run("2026-12-06T19:00:00Z", "bbbbbbb");
		steady(report, "sqlite", 1.5);
		Report earlier = run("2026-12-04T14:13:16Z", "aaaaaaa");
		steady(earlier, "sqlite", 1.1);
		ReportMerge.keepEarlier(report, earlier.json());

		assertThat(report.runs()).hasSize(1);
		assertThat(markdown(report)).doesNotContain("Rows from", "merges");
	}

	@Test
	void aMergedReportMergesAgainAndSamplesKeepTheirRuns() {
		Report merged = run("2026-12-06T19:00:00Z", "bbbbbbb");
		steady(merged, "mariadb", 1.07);
		ReportMerge.keepEarlier(merged, earlierJson());
		Report report = run("2026-12-07T08:00:00Z", "ccccccc");
		steady(report, "postgresql", 1.2);
		ReportMerge.keepEarlier(report, merged.json());

		assertThat(report.runs()).hasSize(3);
		assertThat(report.results()).extracting((result) -> result.engine + "@" + result.run.environment().get("date"))
			.containsExactly("sqlite@2026-12-04T14:13:16Z", "sqlite@2026-12-04T14:13:16Z",
					"postgresql@2026-12-07T08:00:00Z", "mariadb@2026-12-06T19:00:00Z");
		Report.Result sqlite = report.results().get(0);
		assertThat(sqlite.samples.get("plain migrate()").values()).containsExactly(10.0, 12.5, 11.0);
		assertThat(sqlite.get("ratioMet")).isEqualTo(false);
		assertThat(sqlite.get("pairs")).isEqualTo(3);
	}

	@Test
	void aReportFromBeforeMergingIsOneRunAndItsAnalysisIsKept() throws Exception {
		String json = earlierJson().replaceFirst("\\{\\s*\"runs\": \\[\\s*\\{\\s*\"engines\": \\[[^]]*\\],", "{")
			.replaceFirst("\\}\\s*\\],\\s*\"results\"", ",\n \"results\"")
			.replaceAll("\"run\": 1,", "");
		assertThat(json).doesNotContain("\"runs\"", "\"run\"");
		Files.writeString(this.folder.resolve("report.json"), json);
		Files.writeString(this.folder.resolve("REPORT.md"), "# Report\n\n## Notes\n\n- a note\n\n"
				+ "## Analysis (written by hand)\n\nWhy SQLite is slow.\n");
		Report report = run("2026-12-06T19:00:00Z", "bbbbbbb");
		steady(report, "mariadb", 1.07);
		ReportMerge.keepEarlier(report, this.folder);

		assertThat(report.runs()).hasSize(2);
		assertThat(markdown(report)).endsWith("- a note\n\n## Analysis (written by hand)\n\nWhy SQLite is slow.\n")
			.contains("sqlite, postgresql from run 1 (2026-12-04T14:13:16Z");
	}

	private static String earlierJson() {
		Report earlier = run("2026-12-04T14:13:16Z", "aaaaaaa");
		steady(earlier, "sqlite", 1.05);
		Sample replay = new Sample();
		replay.addMillis(900);
		earlier.add("catalog", "sqlite", "2000 tables")
			.sample("replay of the 40 migrations", replay)
			.target("extraHeapMB", 11.0, 64);
		steady(earlier, "postgresql", 1.08);
		return earlier.json();
	}

	private static Report run(String date, String commit) {
		Report report = new Report();
		report.environment("date", date);
		report.environment("autobaseline commit", commit);
		report.environment("load average at start (1, 5, 15 min)", "1.0 1.0 1.0");
		report.environment("load average at end (1, 5, 15 min)", "0.5 0.5 0.5");
		report.note("a note");
		return report;
	}

	private static void steady(Report report, String engine, double ratio) {
		Sample plain = new Sample();
		plain.addMillis(10);
		plain.addMillis(12.5);
		plain.addMillis(11);
		report.add("steady", engine, "pooled").sample("plain migrate()", plain).value("pairs", 3).target("ratio", ratio, 1.02);
	}

	private String markdown(Report report) {
		try {
			report.write(this.folder.resolve("out"), "REPORT.md", "report.json");
			return Files.readString(this.folder.resolve("out/REPORT.md"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
