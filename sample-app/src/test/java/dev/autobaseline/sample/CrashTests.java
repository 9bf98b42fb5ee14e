package dev.autobaseline.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety: the migration job runs in a child JVM, with default settings, that is killed with
 * SIGKILL at a random moment of its adoption, then runs again. Every trial must converge to
 * exactly the history of one adoption, with every legacy row intact and no shadow database of its
 * own left once the rerun is done (a temporary shadow's name holds md5 of its live database's
 * name, so other processes' shadows on the server are not counted). Trials per engine come from
 * {@code -Dautobaseline.crash.trials} (3 by default; the {@code long} profile runs more).
 * <p>
 * On MariaDB, DDL is not transactional: a kill inside one of Flyway's own migrations on live
 * leaves the statements before it applied and no history row, which no rerun can tell from
 * drift. There the trials kill only before the hand-over to Flyway (inspection, replay,
 * BASELINE row); a kill that lands after Flyway's first "Migrating schema" line is not counted.
 */
class CrashTests {

	/** Versions of the generated migration set: long enough for kills to land mid-adoption. */
	private static final int VERSIONS = 40;

	/** The version the legacy database is at. */
	private static final int LEGACY = 20;

	private static final int TRIALS = Integer.getInteger("autobaseline.crash.trials", 3);

	private static final Random RANDOM = new Random(Long.getLong("autobaseline.crash.seed", System.nanoTime()));

	@TempDir
	Path workDir;

	@Test
	void killedSqliteAdoptionsConvergeWithNoRowLost() throws Exception {
		Path migrations = writeMigrations(this.workDir);
		Stats stats = new Stats();
		String calibration = "jdbc:sqlite:" + this.workDir.resolve("calibration.db");
		stats.fullRunMillis = calibrate(() -> connect(calibration, null), calibration, null, migrations);
		for (int trial = 0; trial < TRIALS; trial++) {
			Path database = this.workDir.resolve("trial-" + trial + ".db");
			String url = "jdbc:sqlite:" + database;
			runTrial(stats, () -> connect(url, null), url, null, migrations);
		}
		System.out.println("SQLite crash trials: " + stats);
		assertThat(stats.failures).isZero();
	}

	@Test
	void killedPostgresqlAdoptionsConvergeWithNoRowLostAndNoShadowLeft() throws Exception {
		Path migrations = writeMigrations(this.workDir);
		Stats stats = new Stats();
		PostgresTestServer.TestDatabase calibration = PostgresTestServer.createDatabase("crash");
		try {
			stats.fullRunMillis = calibrate(calibration::connect, calibration.url(), PostgresTestServer.USER, migrations);
		}
		finally {
			calibration.drop();
		}
		for (int trial = 0; trial < TRIALS; trial++) {
			PostgresTestServer.TestDatabase database = PostgresTestServer.createDatabase("crash");
			try {
				runTrial(stats, database::connect, database.url(), PostgresTestServer.USER, migrations);
				stats.shadowsLeft += shadowsOf(database.name()).size();
			}
			finally {
				database.drop();
			}
		}
		System.out.println("PostgreSQL crash trials: " + stats);
		assertThat(stats.failures).isZero();
		assertThat(stats.shadowsLeft).isZero();
	}

	@Test
	void killedMariadbAdoptionsBeforeTheHandOverToFlywayConvergeWithNoRowLostAndNoShadowLeft() throws Exception {
		Path migrations = writeMigrations(this.workDir, true);
		Stats stats = new Stats();
		MariadbTestServer.TestDatabase calibration = MariadbTestServer.createDatabase("autobaseline_crash");
		try {
			calibrateHandOver(stats, calibration::connect, calibration.url(), MariadbTestServer.USER, migrations);
		}
		finally {
			calibration.drop();
		}
		for (int trial = 0; trial < TRIALS; trial++) {
			MariadbTestServer.TestDatabase database = MariadbTestServer.createDatabase("autobaseline_crash");
			try {
				runTrial(stats, database::connect, database.url(), MariadbTestServer.USER, migrations, true);
				stats.shadowsLeft += mariadbShadowsOf(database.name()).size();
			}
			finally {
				database.drop();
			}
		}
		System.out.println("MariaDB crash trials: " + stats);
		assertThat(stats.failures).isZero();
		assertThat(stats.shadowsLeft).isZero();
		assertThat(stats.trials - stats.afterHandOver).as("trials killed or finished before the hand-over").isPositive();
	}

	private void runTrial(Stats stats, Supplier<Connection> connect, String url, String user, Path migrations)
			throws Exception {
		runTrial(stats, connect, url, user, migrations, false);
	}

	/**
	 * @param beforeHandOver kill only before Flyway migrates live (MariaDB): a kill that came later
	 * is not counted
	 */
	private void runTrial(Stats stats, Supplier<Connection> connect, String url, String user, Path migrations,
			boolean beforeHandOver) throws Exception {
		try (Connection connection = connect.get()) {
			buildLegacy(connection, beforeHandOver);
		}
		Map<String, String> before = rowHashes(connect);
		// Kill somewhere between the middle of a full run and its end: replay, baseline, migrate; before
		// the hand-over, between a fifth of the time Flyway's first migration began at and that moment.
		long killAfter = beforeHandOver ? (long) (stats.handOverMillis * (0.2 + 0.8 * RANDOM.nextDouble()))
				: (long) (stats.fullRunMillis * (0.4 + 0.65 * RANDOM.nextDouble()));
		Job.Result killed = Job.run(this.workDir, url, user, migrations, killAfter);
		stats.trials++;
		if (beforeHandOver && killed.killed() && killed.output().contains("Migrating schema")) {
			// Flyway had begun a migration on live: what MariaDB leaves then is outside the starter's promise.
			stats.afterHandOver++;
			stats.leftBehind("killed after the hand-over (not counted)");
			return;
		}
		stats.killed += killed.killed() ? 1 : 0;
		String state = killed.killed() ? stateAfterKill(connect) : "finished before the kill";
		stats.leftBehind(state);
		long rerunStarted = System.nanoTime();
		Job.Result rerun = Job.run(this.workDir, url, user, migrations, -1);
		if (state.startsWith("untouched")) {
			// A rerun from an untouched database is a full adoption: follow the machine's current pace.
			stats.fullRunMillis = (System.nanoTime() - rerunStarted) / 1_000_000;
		}
		boolean ok = rerun.exitCode() == 0;
		List<String> history = ok ? history(connect) : List.of();
		ok &= history.equals(expectedHistory());
		Map<String, String> after = rowHashes(connect);
		ok &= after.equals(before);
		if (!ok) {
			stats.failures++;
			System.out.println("Trial failed (killed after " + killAfter + " ms, killed=" + killed.killed() + "):\n"
					+ "history " + history + "\nrows before " + before + "\nrows after " + after + "\n" + rerun.output());
		}
	}

	/** How long one unkilled adoption takes here, JVM start included. */
	private long calibrate(Supplier<Connection> connect, String url, String user, Path migrations) throws Exception {
		try (Connection connection = connect.get()) {
			buildLegacy(connection);
		}
		long started = System.nanoTime();
		Job.Result result = Job.run(this.workDir, url, user, migrations, -1);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return (System.nanoTime() - started) / 1_000_000;
	}

	/**
	 * How long one unkilled adoption takes here, JVM start included, and when Flyway began its first
	 * migration on live (the first "Migrating schema" line in the job's log).
	 */
	private void calibrateHandOver(Stats stats, Supplier<Connection> connect, String url, String user,
			Path migrations) throws Exception {
		try (Connection connection = connect.get()) {
			buildLegacy(connection, true);
		}
		Path log = Files.createTempFile(this.workDir, "calibration", ".log");
		long started = System.nanoTime();
		Process process = Job.start(this.workDir, url, user, migrations, log);
		long handOver = -1;
		while (process.isAlive()) {
			if (handOver < 0 && Files.readString(log).contains("Migrating schema")) {
				handOver = (System.nanoTime() - started) / 1_000_000;
			}
			Thread.sleep(10);
		}
		Job.Result result = Job.finish(process, log, false);
		assertThat(result.exitCode()).as(result.output()).isZero();
		stats.fullRunMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(handOver).as("time of the hand-over to Flyway in:\n" + result.output()).isPositive();
		stats.handOverMillis = handOver;
	}

	/** V1 creates t_1; every fifth version adds a column to the table before it; the rest create tables. */
	static Path writeMigrations(Path workDir) throws Exception {
		return writeMigrations(workDir, false);
	}

	/** @param mariadb in MariaDB's SQL (rows from its sequence engine rather than a recursive query) */
	static Path writeMigrations(Path workDir, boolean mariadb) throws Exception {
		Path folder = Files.createDirectories(workDir.resolve("migrations"));
		for (String[] script : scripts(mariadb)) {
			Files.writeString(folder.resolve(script[0]), script[1]);
		}
		return folder;
	}

	private static List<String[]> scripts(boolean mariadb) {
		List<String[]> scripts = new ArrayList<>();
		for (int v = 1; v <= VERSIONS; v++) {
			String sql = (v % 5 == 0) ? "ALTER TABLE t_" + (v - 1) + " ADD COLUMN extra_" + v + " INTEGER;\n"
					: "CREATE TABLE t_" + v + " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n";
			if (v > LEGACY && v % 5 != 0) {
				// Later versions also load data, so that the write window is long enough for kills to land in.
				sql += mariadb ? "INSERT INTO t_" + v + " (id, name) SELECT seq, 'generated' FROM seq_1_to_20000;\n"
						: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000)"
								+ " INSERT INTO t_" + v + " (id, name) SELECT x, 'generated' FROM n;\n";
			}
			scripts.add(new String[] { "V" + v + "__step_" + v + ".sql", sql });
		}
		return scripts;
	}

	static void buildLegacy(Connection connection) throws SQLException {
		buildLegacy(connection, false);
	}

	static void buildLegacy(Connection connection, boolean mariadb) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			List<String[]> scripts = scripts(mariadb);
			for (int v = 1; v <= LEGACY; v++) {
				statement.execute(scripts.get(v - 1)[1]);
				if (v % 5 != 0) {
					for (int row = 1; row <= 25; row++) {
						statement.execute("INSERT INTO t_" + v + " (id, name) VALUES (" + row + ", 'row " + row + " of " + v + "')");
					}
				}
			}
		}
	}

	/** Row count and content hash of each legacy table's original columns. */
	static Map<String, String> rowHashes(Supplier<Connection> connect) throws SQLException {
		Map<String, String> hashes = new LinkedHashMap<>();
		try (Connection connection = connect.get(); Statement statement = connection.createStatement()) {
			for (int v = 1; v <= LEGACY; v++) {
				if (v % 5 == 0) {
					continue;
				}
				StringBuilder content = new StringBuilder();
				int count = 0;
				try (ResultSet rows = statement.executeQuery("SELECT id, name FROM t_" + v + " ORDER BY id")) {
					while (rows.next()) {
						count++;
						content.append(rows.getInt(1)).append('|').append(rows.getString(2)).append('\n');
					}
				}
				hashes.put("t_" + v, count + ":" + Integer.toHexString(content.toString().hashCode()));
			}
		}
		return hashes;
	}

	static List<String> expectedHistory() {
		List<String> expected = new ArrayList<>(List.of(LEGACY + ":BASELINE"));
		for (int v = LEGACY + 1; v <= VERSIONS; v++) {
			expected.add(v + ":SQL");
		}
		return expected;
	}

	static List<String> history(Supplier<Connection> connect) throws SQLException {
		List<String> history = new ArrayList<>();
		try (Connection connection = connect.get(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version, type FROM flyway_schema_history"
						+ " WHERE success ORDER BY installed_rank")) {
			while (rows.next()) {
				history.add(rows.getString(1) + ":" + rows.getString(2));
			}
		}
		return history;
	}

	/**
	 * The temporary shadow databases of one live database still on the server: its name's md5 is
	 * in theirs, after the creation time ({@code autobaseline_shadow_<epoch>_<owner><key>}).
	 */
	private static Set<String> shadowsOf(String database) throws SQLException {
		Set<String> names = new HashSet<>();
		try (Connection connection = PostgresTestServer.connect(PostgresTestServer.URL);
				PreparedStatement statement = connection.prepareStatement("SELECT datname FROM pg_database"
						+ " WHERE datname ~ '^autobaseline_shadow_[0-9]+_[0-9a-f]{16}$'"
						+ " AND substr(datname, length(datname) - 15, 8) = left(md5(?), 8)")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		if (!names.isEmpty()) {
			System.out.println("Shadow databases of " + database + " left after its rerun: " + names);
		}
		return names;
	}

	/** As {@link #shadowsOf}, on the MariaDB server: six hex digits of SHA-1 of live's name. */
	private static Set<String> mariadbShadowsOf(String database) throws Exception {
		String owner = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-1")
				.digest(database.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.substring(0, 6);
		Set<String> names = new HashSet<>();
		try (Connection connection = MariadbTestServer.connect(MariadbTestServer.URL);
				PreparedStatement statement = connection
					.prepareStatement("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?")) {
			statement.setString(1, "autobaseline\\_shadow\\_%\\_" + owner + "\\_%");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		if (!names.isEmpty()) {
			System.out.println("Shadow databases of " + database + " left after its rerun: " + names);
		}
		return names;
	}

	static Connection connect(String url, String user) {
		try {
			return DriverManager.getConnection(url);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where the kill left the database: the moments the trials covered. */
	private static String stateAfterKill(Supplier<Connection> connect) {
		try {
			List<String> history;
			try {
				history = history(connect);
			}
			catch (SQLException ex) {
				return "untouched (no history table)";
			}
			if (history.isEmpty()) {
				return "history table without rows";
			}
			if (history.size() == 1) {
				return "baselined, nothing migrated";
			}
			return (history.size() < VERSIONS - LEGACY + 1) ? "partly migrated" : "fully adopted";
		}
		catch (RuntimeException ex) {
			return "unreadable: " + ex.getMessage();
		}
	}

	/** Counts of one engine's trials. */
	static final class Stats {

		final Map<String, Integer> killMoments = new java.util.TreeMap<>();

		void leftBehind(String state) {
			this.killMoments.merge(state, 1, Integer::sum);
		}

		int trials;

		int killed;

		int failures;

		int shadowsLeft;

		/** Trials whose kill came after the hand-over to Flyway, where that is not counted. */
		int afterHandOver;

		long fullRunMillis;

		/** When Flyway began its first migration on live in the calibration run. */
		long handOverMillis;

		@Override
		public String toString() {
			return this.trials + " trials (a full run took " + this.fullRunMillis + " ms last), " + this.killed + " killed mid-run, " + this.failures + " failed to converge, "
					+ this.shadowsLeft + " shadows left"
					+ ((this.handOverMillis > 0) ? ", hand-over to Flyway at " + this.handOverMillis + " ms" : "")
					+ "; state right after each kill: " + this.killMoments;
		}

	}

	/** The sample app as a migration job in a child JVM. */
	static final class Job {

		static Result run(Path workDir, String url, String user, Path migrations, long killAfterMillis)
				throws Exception {
			Path log = Files.createTempFile(workDir, "job", ".log");
			Process process = start(workDir, url, user, migrations, log);
			boolean killed = false;
			if (killAfterMillis >= 0 && !process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
				// destroyForcibly is SIGKILL on Linux: no shutdown hook, no finally block runs.
				process.destroyForcibly();
				killed = true;
			}
			return finish(process, log, killed);
		}

		static Process start(Path workDir, String url, String user, Path migrations, Path log) throws Exception {
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), SampleApplication.class.getName(),
					"--spring.main.web-application-type=none", "--spring.datasource.url=" + url,
					"--spring.flyway.locations=filesystem:" + migrations));
			if (user != null) {
				command.add("--spring.datasource.username=" + user);
			}
			Process process = new ProcessBuilder(command).directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			process.getOutputStream().close();
			return process;
		}

		static Result finish(Process process, Path log, boolean killed) throws Exception {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError("The job did not exit within 2 minutes:\n" + Files.readString(log));
			}
			return new Result(killed ? -9 : process.exitValue(), killed, Files.readString(log));
		}

		record Result(int exitCode, boolean killed, String output) {
		}

	}

}
