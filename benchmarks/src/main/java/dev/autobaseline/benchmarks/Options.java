package dev.autobaseline.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run: the full measurement by default, or a few-second smoke run ({@code --smoke}).
 *
 * @param output folder the report is written to
 * @param engines {@code sqlite}, {@code postgresql}, {@code mariadb}; none to only merge reports
 * @param sections {@code steady}, {@code adoption}, {@code replay}, {@code catalog}
 * @param adoptionSizes N for the adoption measurement
 * @param replaySizes N for the replay measurement (pairs N, 2N give the doubling factor)
 * @param heapReplayVersions the N whose replay result's heap is measured
 * @param runs measured runs per adoption and replay case
 * @param warmups unmeasured runs first
 * @param steadyVersions applied migrations of the steady-state database
 * @param steadyPairs measured pairs (plain, ours) of the steady state
 * @param steadyWarmups unmeasured pairs first
 * @param wideVersions migrations of the wide (2,000-table) set
 * @param wideTablesEach tables per migration of the wide set
 * @param catalogRuns measured runs of the catalog read and comparison
 * @param wideReplayRuns replays of the wide set
 * @param smoke whether this is the smoke run
 * @param settleSeconds how long PostgreSQL timings wait after a database was dropped, or -1 to
 * find out from the server's file system (see {@link PostgresqlBench})
 * @param mergeFrom folders of earlier reports whose rows of engines this run does not measure are
 * kept, later ones over earlier ones (see {@link ReportMerge})
 */
record Options(Path output, List<String> engines, List<String> sections, List<Integer> adoptionSizes,
		List<Integer> replaySizes, int heapReplayVersions, int runs, int warmups, int steadyVersions, int steadyPairs,
		int steadyWarmups, int wideVersions, int wideTablesEach, int catalogRuns, int wideReplayRuns, boolean smoke,
		int settleSeconds, List<Path> mergeFrom) {

	static final List<String> ALL_SECTIONS = List.of("steady", "adoption", "replay", "catalog");

	static final List<String> ALL_ENGINES = List.of("sqlite", "postgresql", "mariadb");

	static Options full(Path output) {
		return new Options(output, ALL_ENGINES, ALL_SECTIONS, List.of(100, 300, 1000), List.of(100, 200, 500, 1000),
				1000, 5, 1, 200, 100, 20, 40, 50, 7, 2, false, -1, List.of());
	}

	static Options smoke(Path output) {
		return new Options(output, ALL_ENGINES, ALL_SECTIONS, List.of(10), List.of(5, 10), 10, 1, 0, 5, 1, 0, 2, 5, 1, 1,
				true, 0, List.of());
	}

	/**
	 * {@code --smoke}, {@code --out DIR}, {@code --engines a,b}, {@code --sections a,b}, {@code --runs N},
	 * {@code --settle SECONDS}, {@code --merge-from DIR} (repeatable; with {@code --engines none} a
	 * merge of earlier reports alone).
	 */
	static Options parse(String[] given) {
		// Maven passes -Dbenchmarks.args as one argument, possibly empty: split options on spaces.
		String[] args = java.util.Arrays.stream(given)
			.flatMap((arg) -> arg.trim().startsWith("--") ? java.util.Arrays.stream(arg.trim().split("\\s+"))
					: java.util.stream.Stream.of(arg))
			.filter((arg) -> !arg.isEmpty())
			.toArray(String[]::new);
		Path output = Path.of(".");
		boolean smoke = false;
		List<String> engines = null;
		List<String> sections = null;
		Integer runs = null;
		List<Integer> adoptionSizes = null;
		List<Integer> replaySizes = null;
		Integer settle = null;
		List<Path> mergeFrom = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--smoke" -> smoke = true;
				case "--out" -> output = Path.of(args[++i]);
				case "--engines" -> engines = engines(args[++i]);
				case "--sections" -> sections = List.of(args[++i].split(","));
				case "--runs" -> runs = Integer.valueOf(args[++i]);
				case "--adoption-sizes" -> adoptionSizes = sizes(args[++i]);
				case "--replay-sizes" -> replaySizes = sizes(args[++i]);
				case "--settle" -> settle = Integer.valueOf(args[++i]);
				case "--merge-from" -> mergeFrom.add(Path.of(args[++i]));
				default -> throw new IllegalArgumentException("unknown argument " + args[i]
						+ " (use --smoke, --out DIR, --engines sqlite,postgresql,mariadb|none, --sections"
						+ " steady,adoption,replay,catalog, --runs N, --adoption-sizes 100,300, --replay-sizes 100,200,"
						+ " --settle SECONDS, --merge-from DIR)");
			}
		}
		Options options = smoke ? smoke(output) : full(output);
		return new Options(output, (engines != null) ? engines : options.engines,
				(sections != null) ? sections : options.sections,
				(adoptionSizes != null) ? adoptionSizes : options.adoptionSizes,
				(replaySizes != null) ? replaySizes : options.replaySizes,
				(replaySizes != null) ? replaySizes.get(replaySizes.size() - 1) : options.heapReplayVersions, (runs != null) ? runs : options.runs, options.warmups, options.steadyVersions,
				options.steadyPairs, options.steadyWarmups, options.wideVersions, options.wideTablesEach,
				options.catalogRuns, options.wideReplayRuns, smoke, (settle != null) ? settle : options.settleSeconds,
				List.copyOf(mergeFrom));
	}

	private static List<String> engines(String list) {
		return list.equals("none") ? List.of() : List.of(list.split(","));
	}

	private static List<Integer> sizes(String list) {
		return java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
	}

	List<String> describe() {
		List<String> lines = new ArrayList<>();
		lines.add("adoption N " + this.adoptionSizes + ", replay N " + this.replaySizes + ", " + this.runs
				+ " measured runs after " + this.warmups + " warm-up run(s) per case");
		lines.add("steady state: " + this.steadyVersions + " applied migrations, " + this.steadyPairs
				+ " measured pairs after " + this.steadyWarmups + " warm-up pairs");
		lines.add("catalog: " + (this.wideVersions * this.wideTablesEach) + " tables, " + this.catalogRuns + " runs");
		return lines;
	}

}
