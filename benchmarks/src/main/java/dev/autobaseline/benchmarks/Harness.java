package dev.autobaseline.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import dev.autobaseline.catalog.CatalogComparison;
import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.AutobaselineSettings;
import dev.autobaseline.engine.SchemaState;
import dev.autobaseline.replay.CatalogScope;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.FlywayQuieter;
import dev.autobaseline.replay.OnAmbiguous;
import dev.autobaseline.replay.ReplayResult;
import dev.autobaseline.replay.ReplayedVersion;
import dev.autobaseline.replay.PossibleCandidates;
import dev.autobaseline.replay.ShadowReplay;
import dev.autobaseline.replay.VersionChooser;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The measurements, each taken side by side with plain Flyway in the same run: steady state,
 * adoption against its floor, replay against a plain migrate, and a 2,000-table catalog. Timings
 * use the engine's public API and plain {@code Flyway.configure()}: no Spring context.
 */
final class Harness {

	private final Options options;

	private final Report report;

	private final Path scratch;

	Harness(Options options, Report report, Path scratch) {
		this.options = options;
		this.report = report;
		this.scratch = scratch;
	}

	// --- Steady state: every boot of an adopted application

	void steadyState(BenchEngine engine, String engineName) throws Exception {
		MigrationSet set = MigrationSet.mixed(engine.flavor(), this.options.steadyVersions());
		Path scripts = set.write(this.scratch.resolve(engineName + "-steady"));
		try (BenchEngine.Database database = engine.createEmpty("steady")) {
			flyway(database.pool(), scripts).load().migrate();
			steadyState(engineName, "pooled DataSource (HikariCP, Spring Boot's default)", database.pool(),
					database.live(), scripts);
			DataSource unpooled = new dev.autobaseline.dialect.DriverManagerDataSource(database.url(),
					database.live().username(), database.live().password());
			steadyState(engineName, "unpooled DataSource (as with spring.flyway.url)", unpooled,
					new LiveDatabase(unpooled, database.url(), database.live().username(), database.live().password()),
					scripts);
		}
	}

	private void steadyState(String engineName, String label, DataSource dataSource, LiveDatabase live, Path scripts)
			throws Exception {
		String load = Machine.loadAverage();
		Autobaseline autobaseline = autobaseline(live);
		Sample plain = new Sample();
		Sample ours = new Sample();
		Sample around = new Sample();
		int pairs = this.options.steadyPairs();
		for (int i = -this.options.steadyWarmups(); i < pairs; i++) {
			// Alternate which goes first, so that drift in the machine's load falls on both alike.
			boolean plainFirst = (i % 2 == 0);
			long[] timed = new long[2];
			long a = plainFirst ? steadyPlain(dataSource, scripts) : steadyOurs(autobaseline, dataSource, scripts, timed);
			long b = plainFirst ? steadyOurs(autobaseline, dataSource, scripts, timed) : steadyPlain(dataSource, scripts);
			if (i >= 0) {
				plain.add(plainFirst ? a : b);
				ours.add(plainFirst ? b : a);
				around.add(timed[0] - timed[1]);
			}
		}
		Sample extra = Sample.difference(ours, plain);
		this.report.add("steady", engineName, label)
			.sample("plain migrate()", plain)
			.sample("Autobaseline.migrate()", ours)
			.sample("paired difference", extra)
			.value("appliedMigrations", this.options.steadyVersions())
			.value("pairs", pairs)
			// The target is judged on the paired ratio: plain plus the median extra within a pair, over plain.
			.target("ratio", (plain.median() + extra.median()) / plain.median(), 1.02)
			// The same extra timed inside each of our calls: its time outside the flyway.migrate() it makes.
			.sample("outside flyway.migrate()", around)
			.target("ratioInCall", (plain.median() + around.median()) / plain.median(), 1.02)
			.value("ratioOfMedians", Report.round(ours.median() / plain.median(), 3))
			.value("pairedExtraMs", Report.round(extra.median(), 3))
			.value("load", load + " -> " + Machine.loadAverage());
		progress("steady " + engineName + " " + label + ": plain " + fmt(plain.median()) + " ms, ours "
				+ fmt(ours.median()) + " ms, paired extra " + fmt(extra.median()) + " ms");
	}

	private long steadyPlain(DataSource dataSource, Path scripts) {
		Flyway flyway = flyway(dataSource, scripts).load();
		gcQuietly();
		long started = System.nanoTime();
		MigrateResult result = flyway.migrate();
		long elapsed = System.nanoTime() - started;
		check(result.migrationsExecuted == 0, "steady-state plain migrate applied migrations");
		return elapsed;
	}

	/**
	 * @param timed receives the call's time and, of it, the time of the {@code flyway.migrate()}
	 * it made
	 */
	private long steadyOurs(Autobaseline autobaseline, DataSource dataSource, Path scripts, long[] timed) {
		TimedFlyway flyway = new TimedFlyway(flyway(dataSource, scripts));
		gcQuietly();
		long started = System.nanoTime();
		AdoptionReport result = autobaseline.migrate(flyway);
		long elapsed = System.nanoTime() - started;
		timed[0] = elapsed;
		timed[1] = flyway.migrateNanos;
		check(result.state() == SchemaState.MANAGED && result.migrationsApplied() == 0,
				"steady state was not a MANAGED no-op: " + result.summary());
		return elapsed;
	}

	// --- Adoption of a legacy database at the middle prefix, against the floor

	void adoption(BenchEngine engine, String engineName, int count) throws Exception {
		MigrationSet set = MigrationSet.mixed(engine.flavor(), count);
		Path scripts = set.write(this.scratch.resolve(engineName + "-adoption-" + count));
		int middle = set.middleVersion();
		String load = Machine.loadAverage();
		try (BenchEngine.Database legacy = engine.createEmpty("legacy" + count)) {
			// The legacy database: the first V migrations' DDL, no history.
			legacy.fill((database) -> {
				flyway(database.pool(), scripts).target(String.valueOf(middle)).load().migrate();
				execute(database.pool(), "DROP TABLE flyway_schema_history");
			});
			legacy.closePool();
			Sample fresh = new Sample();
			Sample rest = new Sample();
			Sample ours = new Sample();
			Sample oursWithoutBackup = new Sample();
			// SQLite backs the database up before adopting it (VACUUM INTO): measured without it too.
			int steps = (engine.flavor() == BenchEngine.Flavor.SQLITE) ? 4 : 3;
			for (int run = -this.options.warmups(); run < this.options.runs(); run++) {
				long[] times = new long[steps];
				for (int step = 0; step < steps; step++) {
					// Rotate the order from run to run.
					int which = (step + Math.floorMod(run, steps)) % steps;
					times[which] = switch (which) {
						case 0 -> plainIntoShadowLike(engine, scripts, count);
						case 1 -> floorRest(engine, legacy, scripts, middle, count);
						case 2 -> adopt(engine, legacy, scripts, middle, count, AutobaselineSettings.defaults());
						default -> adopt(engine, legacy, scripts, middle, count, withoutBackup());
					};
				}
				if (run >= 0) {
					fresh.add(times[0]);
					rest.add(times[1]);
					ours.add(times[2]);
					if (steps == 4) {
						oursWithoutBackup.add(times[3]);
					}
				}
				progress("adoption " + engineName + " N=" + count + " run " + run + ": fresh " + ms(times[0]) + ", rest "
						+ ms(times[1]) + ", ours " + ms(times[2]) + ((steps == 4) ? ", ours without backup " + ms(times[3]) : ""));
			}
			Sample floor = Sample.sum(fresh, rest);
			Report.Result result = this.report.add("adoption", engineName, "N=" + count + ", legacy at V" + middle)
				.sample("floor: fresh migrate() of N", fresh)
				.sample("floor: baseline at V + migrate() of N-V", rest)
				.sample("floor", floor)
				.sample("Autobaseline.migrate()", ours);
			if (oursWithoutBackup.size() > 0) {
				result.sample("Autobaseline.migrate(), backup.enabled=false", oursWithoutBackup)
					.value("ratioWithoutBackup", Report.round(oursWithoutBackup.median() / floor.median(), 3));
			}
			result
				.value("n", count)
				.value("v", middle)
				.value("migrations", set.describe())
				.target("ratio", ours.median() / floor.median(), 1.3)
				.value("load", load + " -> " + Machine.loadAverage());
		}
	}

	private long floorRest(BenchEngine engine, BenchEngine.Database legacy, Path scripts, int middle, int count)
			throws Exception {
		try (BenchEngine.Database copy = engine.copyOf(legacy, "rest")) {
			Flyway flyway = flyway(copy.pool(), scripts).baselineOnMigrate(true)
				.baselineVersion(String.valueOf(middle))
				.load();
			engine.settle();
			gcQuietly();
			long started = System.nanoTime();
			MigrateResult result = flyway.migrate();
			long elapsed = System.nanoTime() - started;
			check(result.migrationsExecuted == count - middle, "the floor applied " + result.migrationsExecuted);
			return elapsed;
		}
	}

	private long adopt(BenchEngine engine, BenchEngine.Database legacy, Path scripts, int middle, int count,
			AutobaselineSettings settings) throws Exception {
		try (BenchEngine.Database copy = engine.copyOf(legacy, "adopt")) {
			LiveDatabase live = copy.live();
			Autobaseline autobaseline = new Autobaseline(settings, (configuration) -> live, FlywayQuieter.NONE);
			Flyway flyway = flyway(copy.pool(), scripts).load();
			engine.settle();
			gcQuietly();
			long started = System.nanoTime();
			AdoptionReport result = autobaseline.migrate(flyway);
			long elapsed = System.nanoTime() - started;
			engine.dropped();
			check(result.state() == SchemaState.UNMANAGED && String.valueOf(middle).equals(result.baselineVersion())
					&& result.migrationsApplied() == count - middle, "unexpected adoption: " + result.summary());
			return elapsed;
		}
	}

	/** A plain {@code migrate()} of every migration into an empty database of the shadow's kind. */
	private long plainIntoShadowLike(BenchEngine engine, Path scripts, int count) throws Exception {
		try (BenchEngine.Database empty = engine.createShadowLike("plain")) {
			Flyway flyway = flyway(empty.pool(), scripts).load();
			engine.settle();
			gcQuietly();
			long started = System.nanoTime();
			MigrateResult result = flyway.migrate();
			long elapsed = System.nanoTime() - started;
			check(result.migrationsExecuted == count, "plain migrate applied " + result.migrationsExecuted);
			return elapsed;
		}
	}

	// --- Replay alone against a plain migrate of the shadow

	void replay(BenchEngine engine, String engineName, int count) throws Exception {
		MigrationSet set = MigrationSet.mixed(engine.flavor(), count);
		Path scripts = set.write(this.scratch.resolve(engineName + "-replay-" + count));
		String load = Machine.loadAverage();
		try (BenchEngine.Database live = engine.createEmpty("replay" + count)) {
			// As in an adoption: live holds the middle version's schema, read once before the replay (not
			// timed here), and the replay reads in full only the versions that could match it.
			// A set too small to have one (the smoke run's) replays against an empty live database.
			int middle = set.hasMiddleVersion() ? set.middleVersion() : 0;
			if (middle > 0) {
				flyway(live.pool(), scripts).target(String.valueOf(middle)).load().migrate();
				execute(live.pool(), "DROP TABLE flyway_schema_history");
			}
			CatalogSnapshot liveCatalog = readLive(engine, live);
			Sample plain = new Sample();
			Sample replay = new Sample();
			Sample besideOpenTransaction = new Sample();
			int[] fullReads = new int[1];
			for (int run = -this.options.warmups(); run < this.options.runs(); run++) {
				boolean plainFirst = Math.floorMod(run, 2) == 0;
				long a = plainFirst ? plainIntoShadowLike(engine, scripts, count)
						: timeReplay(engine, live, liveCatalog, scripts, count, fullReads);
				long b = plainFirst ? timeReplay(engine, live, liveCatalog, scripts, count, fullReads)
						: plainIntoShadowLike(engine, scripts, count);
				long beside = timeReplayBesideOpenTransaction(engine, live, liveCatalog, scripts, count);
				if (run >= 0) {
					plain.add(plainFirst ? a : b);
					replay.add(plainFirst ? b : a);
					if (beside >= 0) {
						besideOpenTransaction.add(beside);
					}
				}
				progress("replay " + engineName + " N=" + count + " run " + run + ": plain " + ms(plainFirst ? a : b)
						+ ", replay " + ms(plainFirst ? b : a) + ((beside >= 0) ? ", beside an open transaction "
								+ ms(beside) : ""));
			}
			Report.Result result = this.report.add("replay", engineName, "N=" + count)
				.sample("plain migrate() into an empty shadow-kind database", plain)
				.sample("replay (shadow create + migrate + snapshots + drop)", replay)
				.value("n", count)
				.value("fullReads", fullReads[0])
				.target("ratio", replay.median() / plain.median(), 1.3)
				.value("load", load + " -> " + Machine.loadAverage());
			if (besideOpenTransaction.size() > 0) {
				result.sample(BESIDE_OPEN_TRANSACTION, besideOpenTransaction)
					.value("besideOpenTransactionRatio", Report.round(besideOpenTransaction.median() / replay.median(), 3));
			}
			if (count == this.options.heapReplayVersions()) {
				Heap heap = Heap.measure(() -> replay(engine, live, liveCatalog, scripts, null));
				result.value("replayResultRetainedMB", Report.round(heap.retainedMegabytes(), 2))
					.value("replayAllocatedMB", Report.round(heap.allocatedMegabytes(), 1))
					.value("replayLeftBehindMB", Report.round(heap.leftBehindMegabytes(), 2));
			}
		}
	}

	static final String BESIDE_OPEN_TRANSACTION = "replay beside another database's open transaction";

	/**
	 * The same replay while a session in another database holds a transaction open, or -1 where
	 * the engine has no such effect: what the incremental signature saves on a quiet server.
	 */
	private long timeReplayBesideOpenTransaction(BenchEngine engine, BenchEngine.Database live,
			CatalogSnapshot liveCatalog, Path scripts, int count) throws Exception {
		AutoCloseable open = engine.holdOpenTransactionElsewhere();
		if (open == null) {
			return -1;
		}
		try (open) {
			return timeReplay(engine, live, liveCatalog, scripts, count, null);
		}
	}

	private long timeReplay(BenchEngine engine, BenchEngine.Database live, CatalogSnapshot liveCatalog, Path scripts,
			int count, int[] fullReads) throws Exception {
		engine.settle();
		gcQuietly();
		long started = System.nanoTime();
		ReplayResult result = replay(engine, live, liveCatalog, scripts, fullReads);
		long elapsed = System.nanoTime() - started;
		engine.dropped();
		check(result.versions().size() == count + 1, "replay saw " + (result.versions().size() - 1) + " versions");
		return elapsed;
	}

	/**
	 * The replay as detection runs it: a signature after every version, the full catalog for those
	 * that could match live at {@code columns}.
	 * @param fullReads where to put how many versions were read in full, or {@code null}
	 */
	private ReplayResult replay(BenchEngine engine, BenchEngine.Database live, CatalogSnapshot liveCatalog,
			Path scripts, int[] fullReads) throws Exception {
		LiveDatabase database = live.live();
		Flyway flyway = flyway(database.dataSource(), scripts).load();
		Dialect dialect = Dialect.forUrl(database.jdbcUrl());
		PossibleCandidates candidates = new PossibleCandidates((names) -> liveCatalog, MatchLevel.COLUMNS, List.of(),
				dialect.relationKey(live.schema(), "flyway_schema_history"));
		ReplayResult result = new ShadowReplay(dialect, database, ShadowSettings.NONE,
				AutobaselineSettings.DEFAULT_REPLAY_TIMEOUT, false, FlywayQuieter.NONE)
			.snapshots(candidates)
			.replay(flyway.getConfiguration(), live.schema(), List.of(live.schema()));
		if (fullReads != null) {
			fullReads[0] = (int) result.migrations().stream().filter((version) -> version.catalog().full()).count();
		}
		return result;
	}

	private static CatalogSnapshot readLive(BenchEngine engine, BenchEngine.Database live) throws Exception {
		try (Connection connection = live.pool().getConnection()) {
			return Dialect.forUrl(live.url()).readCatalog(connection, List.of(live.schema()));
		}
	}

	/** Doubling N: how much longer the replay takes, from the replay results of this run. */
	void doubling(String engineName) {
		List<Report.Result> replays = this.report.results()
			.stream()
			.filter((result) -> result.section.equals("replay") && result.engine.equals(engineName))
			.toList();
		for (Report.Result small : replays) {
			for (Report.Result large : replays) {
				int n = (Integer) small.get("n");
				if ((Integer) large.get("n") == 2 * n) {
					String name = "replay (shadow create + migrate + snapshots + drop)";
					String plainName = "plain migrate() into an empty shadow-kind database";
					this.report.add("doubling", engineName, "N=" + n + " -> " + (2 * n))
						.value("plainFactor", Report.round(large.samples.get(plainName).median()
								/ small.samples.get(plainName).median(), 3))
						.target("factor", large.samples.get(name).median() / small.samples.get(name).median(), 2.2);
				}
			}
		}
	}

	// --- A 2,000-table catalog: snapshot, comparison, heap

	void catalog(BenchEngine engine, String engineName) throws Exception {
		int versions = this.options.wideVersions();
		int tablesEach = this.options.wideTablesEach();
		int tables = versions * tablesEach;
		MigrationSet set = MigrationSet.wide(engine.flavor(), versions, tablesEach);
		Path scripts = set.write(this.scratch.resolve(engineName + "-wide"));
		String load = Machine.loadAverage();
		try (BenchEngine.Database live = engine.createEmpty("wide")) {
			flyway(live.pool(), scripts).load().migrate();
			execute(live.pool(), "DROP TABLE flyway_schema_history");
			Dialect dialect = Dialect.forUrl(live.url());
			List<String> schemas = List.of(live.schema());
			Sample read = new Sample();
			for (int run = -this.options.warmups(); run < this.options.catalogRuns(); run++) {
				try (Connection connection = live.pool().getConnection()) {
					gcQuietly();
					long started = System.nanoTime();
					CatalogSnapshot snapshot = dialect.readCatalog(connection, schemas);
					long elapsed = System.nanoTime() - started;
					check(snapshot.names().size() == tables, "read " + snapshot.names().size() + " relations");
					if (run >= 0) {
						read.add(elapsed);
					}
				}
			}
			Heap snapshotHeap = Heap.measure(() -> {
				try (Connection connection = live.pool().getConnection()) {
					return Dialect.forUrl(live.url()).readCatalog(connection, schemas);
				}
			});
			CatalogSnapshot liveCatalog = readLive(engine, live);
			Sample replayTime = new Sample();
			ReplayResult replay = null;
			for (int run = 0; run < this.options.wideReplayRuns(); run++) {
				engine.settle();
				gcQuietly();
				long started = System.nanoTime();
				replay = replay(engine, live, liveCatalog, scripts, null);
				replayTime.add(System.nanoTime() - started);
				engine.dropped();
			}
			String historyKey = dialect.relationKey(live.schema(), "flyway_schema_history");
			ReplayResult finalReplay = replay;
			Sample compare = new Sample();
			Sample compareOne = new Sample();
			for (int run = -this.options.warmups(); run < this.options.catalogRuns(); run++) {
				gcQuietly();
				long started = System.nanoTime();
				Detection detection = detect(finalReplay, liveCatalog, historyKey);
				long elapsed = System.nanoTime() - started;
				check(detection.matched() && detection.chosen().version().equals(MigrationVersion.fromVersion(
						String.valueOf(versions))), "the 2,000-table detection chose " + detection.chosen());
				gcQuietly();
				started = System.nanoTime();
				int differences = CatalogComparison.differences(finalReplay.versions().get(versions).catalog(), liveCatalog)
					.size();
				long one = System.nanoTime() - started;
				check(differences == 1, "the full catalogs differ by " + differences);
				if (run >= 0) {
					compare.add(elapsed);
					compareOne.add(one);
				}
			}
			Heap detectHeap = Heap.measure(() -> detectHolding(finalReplay, liveCatalog, historyKey));
			Heap replayHeap = Heap.measure(() -> replay(engine, live, liveCatalog, scripts, null));
			Heap liveHeap = snapshotHeap;
			double extra = replayHeap.retainedMegabytes() + liveHeap.retainedMegabytes() + detectHeap.retainedMegabytes();
			this.report.add("catalog", engineName, tables + " tables (" + versions + " migrations of " + tablesEach
					+ " tables, each with key, check, foreign key, index)")
				.sample("readCatalog of live", read)
				.sample("replay of the " + versions + " migrations", replayTime)
				.sample("detection (scope + compare every prefix + choose)", compare)
				.sample("one full comparison (CatalogComparison.differences)", compareOne)
				.value("tables", tables)
				.value("snapshotRetainedMB", Report.round(liveHeap.retainedMegabytes(), 2))
				.value("snapshotAllocatedMB", Report.round(liveHeap.allocatedMegabytes(), 1))
				.value("replayResultRetainedMB", Report.round(replayHeap.retainedMegabytes(), 2))
				.value("replayAllocatedMB", Report.round(replayHeap.allocatedMegabytes(), 1))
				.value("replayLeftBehindMB", Report.round(replayHeap.leftBehindMegabytes(), 2))
				.value("detectionRetainedMB", Report.round(detectHeap.retainedMegabytes(), 2))
				.value("detectionAllocatedMB", Report.round(detectHeap.allocatedMegabytes(), 1))
				.target("extraHeapMB", extra, 64)
				.value("load", load + " -> " + Machine.loadAverage());
			progress("catalog " + engineName + ": read " + fmt(read.median()) + " ms, detect " + fmt(compare.median())
					+ " ms, extra heap " + fmt(extra) + " MB");
		}
	}

	/** What the engine does between replay and decision (Autobaseline.detect), without I/O. */
	private static Detection detect(ReplayResult replay, CatalogSnapshot liveCatalog, String historyKey) {
		return (Detection) detectHolding(replay, liveCatalog, historyKey).get(1);
	}

	/** The detection with what the engine holds while choosing: the scoped catalog of every prefix. */
	private static List<Object> detectHolding(ReplayResult replay, CatalogSnapshot liveCatalog, String historyKey) {
		CatalogScope scope = new CatalogScope(replay, List.of(), historyKey);
		scope.foreign(liveCatalog);
		List<ReplayedVersion> versions = replay.versions()
			.stream()
			.map((version) -> version.withCatalog(scope.replayed(version.catalog())))
			.toList();
		Detection detection = VersionChooser.choose(versions, scope.live(liveCatalog), MatchLevel.COLUMNS,
				OnAmbiguous.HIGHEST, MigrationVersion.LATEST);
		return List.of(versions, detection);
	}

	// --- Helpers

	private static Autobaseline autobaseline(LiveDatabase live) {
		// As the auto-configuration does with Boot's connection details, with the default settings; no log quieter.
		return new Autobaseline(AutobaselineSettings.defaults(), (configuration) -> live, FlywayQuieter.NONE);
	}

	/** The default settings with {@code backup.enabled=false}. */
	private static AutobaselineSettings withoutBackup() {
		return AutobaselineSettings.defaults().withBackupEnabled(false);
	}

	/** Flyway as it is, timing its {@code migrate()}: what a call of ours spends in Flyway. */
	private static final class TimedFlyway extends Flyway {

		long migrateNanos;

		TimedFlyway(FluentConfiguration configuration) {
			super(configuration);
		}

		@Override
		public MigrateResult migrate() {
			long started = System.nanoTime();
			try {
				return super.migrate();
			}
			finally {
				this.migrateNanos += System.nanoTime() - started;
			}
		}

	}

	private static FluentConfiguration flyway(DataSource dataSource, Path scripts) {
		return Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts);
	}

	private static void execute(DataSource dataSource, String sql) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	static void gcQuietly() {
		System.gc();
	}

	private static String ms(long nanos) {
		return fmt(nanos / 1_000_000.0) + " ms";
	}

	static String fmt(double value) {
		return String.format(java.util.Locale.ROOT, "%.1f", value);
	}

	private static void progress(String line) {
		System.out.println("[bench] " + line);
	}

	/**
	 * Heap a result holds on to, what producing it allocated, and what stayed reachable once the
	 * caller dropped the result (left behind in some static).
	 */
	record Heap(long retainedBytes, long allocatedBytes, long leftBehindBytes) {

		static Heap measure(Callable<?> work) throws Exception {
			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
			forgetFlywayConfiguration();
			long base = liveBytes();
			long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
			Object[] held = { work.call() };
			long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
			long with = liveBytes();
			java.lang.ref.Reference.reachabilityFence(held[0]);
			held[0] = null;
			long leftBehind = liveBytes() - base;
			// Flyway keeps the last configuration it was given in a static (LogFactory): the replay's,
			// with its snapshot callback. Let go of it to see what the result itself held.
			forgetFlywayConfiguration();
			long without = liveBytes();
			return new Heap(Math.max(0, with - without), allocated, Math.max(0, leftBehind));
		}

		private static void forgetFlywayConfiguration() {
			org.flywaydb.core.api.logging.LogFactory
				.setConfiguration(new org.flywaydb.core.api.configuration.ClassicConfiguration());
		}

		double leftBehindMegabytes() {
			return this.leftBehindBytes / (1024.0 * 1024.0);
		}

		double retainedMegabytes() {
			return this.retainedBytes / (1024.0 * 1024.0);
		}

		double allocatedMegabytes() {
			return this.allocatedBytes / (1024.0 * 1024.0);
		}

		/**
		 * Bytes of live objects: the total of a class histogram, which the JVM takes after a full
		 * collection (the heap usage the memory bean reports lags behind it).
		 */
		private static long liveBytes() throws Exception {
			String histogram = (String) ManagementFactory.getPlatformMBeanServer()
				.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
						new Object[] { new String[0] }, new String[] { String[].class.getName() });
			String[] lines = histogram.trim().split("\n");
			String[] total = lines[lines.length - 1].trim().split("\\s+");
			return Long.parseLong(total[total.length - 1]);
		}

	}

}
