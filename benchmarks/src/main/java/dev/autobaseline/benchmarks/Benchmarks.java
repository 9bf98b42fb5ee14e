package dev.autobaseline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the benchmark harness and writes {@code REPORT.md} and {@code report.json}.
 * <p>
 * {@code java -jar benchmarks/target/flyway-autobaseline-benchmarks.jar --out benchmarks}, or
 * {@code ./mvnw -pl benchmarks -am -Pbenchmarks -DskipTests verify}; {@code --smoke} for a run of
 * a few seconds.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Report report = run(options);
		System.out.println("[bench] report written to " + options.output().toAbsolutePath().normalize().resolve("REPORT.md"));
		long missed = report.results()
			.stream()
			.flatMap((result) -> result.values.entrySet().stream())
			.filter((entry) -> entry.getKey().endsWith("Met") && Boolean.FALSE.equals(entry.getValue()))
			.count();
		System.out.println("[bench] " + missed + " target(s) missed");
	}

	static Report run(Options options) throws Exception {
		Report report = new Report();
		report.environment("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		report.environment("machine", Machine.cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ Machine.memory() + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
		report.environment("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ ", heap max " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB");
		report.environment("libraries", Machine.libraries());
		report.environment("autobaseline commit", Machine.commit());
		report.environment("load average at start (1, 5, 15 min)", Machine.loadAverage());
		report.environment("run", String.join("; ", options.describe()) + (options.smoke() ? " (smoke run)" : ""));
		report.environment("heap measurement check", "a 32 MB array measures as "
				+ Harness.fmt(Harness.Heap.measure(() -> new byte[32 * 1024 * 1024]).retainedMegabytes()) + " MB retained");
		Path scratch = Files.createTempDirectory("autobaseline-bench-");
		Thread deleteScratch = new Thread(() -> deleteQuietly(scratch));
		Runtime.getRuntime().addShutdownHook(deleteScratch);
		try {
			Harness harness = new Harness(options, report, scratch);
			for (String engineName : options.engines()) {
				BenchEngine engine = engine(engineName, scratch, options);
				// Drop what this run made even when it is interrupted.
				Thread cleanup = new Thread(() -> closeQuietly(engine));
				Runtime.getRuntime().addShutdownHook(cleanup);
				try {
					report.environment(engineName, engine.describe());
					if (engine.settleNote() != null) {
						report.environment(engineName + " settling", engine.settleNote());
					}
					if (options.sections().contains("steady")) {
						harness.steadyState(engine, engineName);
						engine.endOfCase();
					}
					if (options.sections().contains("replay")) {
						for (int count : options.replaySizes()) {
							harness.replay(engine, engineName, count);
							engine.endOfCase();
						}
						harness.doubling(engineName);
					}
					if (options.sections().contains("adoption")) {
						for (int count : options.adoptionSizes()) {
							harness.adoption(engine, engineName, count);
							engine.endOfCase();
						}
					}
					if (options.sections().contains("catalog")) {
						harness.catalog(engine, engineName);
						engine.endOfCase();
					}
				}
				finally {
					closeQuietly(engine);
					Runtime.getRuntime().removeShutdownHook(cleanup);
				}
			}
			report.environment("load average at end (1, 5, 15 min)", Machine.loadAverage());
			report.note("Taken on a shared machine: other engineers' builds and tests ran at the same time. The load"
					+ " average is recorded next to each figure; plain Flyway and the starter were measured side by side,"
					+ " interleaved run by run, so load falls on both.");
			report.note("No Spring context: timings call the engine's public API (`Autobaseline`, `AutobaselineSettings`,"
					+ " `ShadowReplay`) on plain `Flyway.configure()` instances, with the live database reached as the"
					+ " auto-configuration reaches it (Flyway's DataSource plus the JDBC URL and credentials)."
					+ " Logging is at WARN for every logger, so neither side pays for console output.");
			report.note("Every live database is a HikariCP pool (Spring Boot's default DataSource), warmed before timing;"
					+ " SQLite live databases are files in a temporary folder, PostgreSQL and MariaDB ones are databases"
					+ " named `autobaseline_bench_<pid>_*` on the server, dropped afterwards (only this run's).");
			// The last one given first: its rows win over those of the reports before it.
			for (int i = options.mergeFrom().size() - 1; i >= 0; i--) {
				ReportMerge.keepEarlier(report, options.mergeFrom().get(i));
			}
			report.write(options.output(), "REPORT.md", "report.json");
			return report;
		}
		finally {
			deleteQuietly(scratch);
			Runtime.getRuntime().removeShutdownHook(deleteScratch);
		}
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (java.io.IOException | RuntimeException ex) {
			// Already gone, or a temporary folder the system cleans.
		}
	}

	private static void closeQuietly(BenchEngine engine) {
		try {
			engine.close();
		}
		catch (Exception ex) {
			System.err.println("[bench] could not clean up: " + ex.getMessage());
		}
	}

	private static BenchEngine engine(String name, Path scratch, Options options) throws Exception {
		return switch (name) {
			case "sqlite" -> new SqliteBench(scratch.resolve("sqlite-databases"));
			case "postgresql" -> new PostgresqlBench(options.settleSeconds());
			case "mariadb" -> new MariadbBench();
			default -> throw new IllegalArgumentException("unknown engine " + name + " (sqlite, postgresql, mariadb)");
		};
	}

}
