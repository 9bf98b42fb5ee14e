package dev.autobaseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL: every database the harness makes is called {@code autobaseline_bench_<pid>_<n>_<label>}
 * and dropped afterwards; copies are made with {@code CREATE DATABASE ... TEMPLATE}. The server is
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} (user {@code postgres}) unless
 * {@code AUTOBASELINE_BENCH_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} say otherwise.
 * <p>
 * Settling: on ext4 without a journal, the kernel skips every inode freed in the last 30 seconds
 * when it allocates one ({@code recently_deleted} in {@code fs/ext4/ialloc.c}), so for 30 seconds
 * after a {@code DROP DATABASE} every file PostgreSQL creates costs more, the more files were
 * dropped: measured here, a {@code CREATE DATABASE} took 146-336 ms instead of 36-40 ms. Each
 * case then drops the harness's own databases only at its end, and a timed step starts only
 * {@link #SETTLE_SECONDS} after the last drop (the replay's shadow included). The wait applies when
 * the server's data directory is on such a file system on this machine, or as {@code --settle} says.
 */
final class PostgresqlBench implements BenchEngine {

	static final String PREFIX = "autobaseline_bench_";

	private final String serverUrl = env("AUTOBASELINE_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private final String user = env("AUTOBASELINE_BENCH_POSTGRES_USER", "postgres");

	private final String password = env("AUTOBASELINE_BENCH_POSTGRES_PASSWORD", null);

	private final AtomicInteger counter = new AtomicInteger();

	private final String runPrefix = PREFIX + ProcessHandle.current().pid() + "_";

	/** What a drop makes the file system slow for, with a second to spare. */
	static final int SETTLE_SECONDS = 31;

	/** How long a timed step waits after the last drop, 0 for not at all. */
	private final int settleSeconds;

	private final String settleReason;

	/** When a database was last dropped ({@link System#nanoTime()}), or {@code null}. */
	private Long lastDrop;

	/** @param settleSeconds how long to settle, or -1 to find out from the server's file system */
	PostgresqlBench(int settleSeconds) {
		if (settleSeconds >= 0) {
			this.settleSeconds = settleSeconds;
			this.settleReason = "as --settle says";
		}
		else {
			String reason = journallessDataDirectory();
			this.settleSeconds = (reason != null) ? SETTLE_SECONDS : 0;
			this.settleReason = reason;
		}
	}

	@Override
	public Flavor flavor() {
		return Flavor.POSTGRESQL;
	}

	@Override
	public String describe() throws SQLException {
		try (Connection admin = admin(); Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version()")) {
			rows.next();
			String version = rows.getString(1);
			return version.substring(0, version.indexOf(" on ")) + " on " + this.serverUrl.replaceFirst("/[^/]*$", "")
					+ " (pgjdbc " + admin.getMetaData().getDriverVersion() + "), same machine";
		}
	}

	@Override
	public Database createEmpty(String label) throws SQLException {
		return create(label, "");
	}

	@Override
	public Database copyOf(Database template, String label) throws SQLException {
		template.closePool();
		return create(label, " TEMPLATE " + ((PgDatabase) template).name);
	}

	@Override
	public AutoCloseable holdOpenTransactionElsewhere() throws SQLException {
		// The server's own database, not one of the harness: the horizon is server-wide.
		Connection session = admin();
		session.setAutoCommit(false);
		try (Statement statement = session.createStatement()) {
			statement.execute("SELECT txid_current()");
		}
		return () -> {
			session.rollback();
			session.close();
		};
	}

	@Override
	public Database createShadowLike(String label) throws SQLException {
		return create(label, " TEMPLATE template0");
	}

	private Database create(String label, String clause) throws SQLException {
		String name = this.runPrefix + this.counter.incrementAndGet() + "_" + label;
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name + clause);
		}
		return new PgDatabase(name, this.serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
	}

	/**
	 * Also writes out what earlier steps left dirty: a {@code DROP DATABASE} forces an immediate
	 * checkpoint, and with the harness's own drops put off to the end of the case, the replay's
	 * drop of its shadow would otherwise write the pages of the plain run before it (2,000-3,500
	 * buffers, 0.1-0.26 s, seen in the server's log).
	 */
	@Override
	public void settle() throws InterruptedException {
		if (this.settleSeconds == 0) {
			return;
		}
		if (this.lastDrop != null) {
			long wait = this.lastDrop + TimeUnit.SECONDS.toNanos(this.settleSeconds) - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
		}
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			statement.execute("CHECKPOINT");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not write out dirty pages before a timed step (CHECKPOINT needs a"
					+ " superuser or pg_checkpoint; or run with --settle 0): " + ex.getMessage(), ex);
		}
	}

	@Override
	public void dropped() {
		this.lastDrop = System.nanoTime();
	}

	/** Between cases no database of this run is in use: those each case left for later are dropped. */
	@Override
	public void endOfCase() throws SQLException {
		if (this.settleSeconds > 0 && dropAllOfThisRun()) {
			dropped();
		}
	}

	@Override
	public String settleNote() {
		if (this.settleSeconds == 0) {
			return null;
		}
		return "each timed step starts " + this.settleSeconds + " s after the last DROP DATABASE and after a CHECKPOINT,"
				+ " and the harness drops its own databases at the end of each case (" + this.settleReason + "): on ext4"
				+ " without a journal, files created in the 30 s after a drop cost more";
	}

	/**
	 * Why the server's data directory is on ext4 without a journal, or {@code null} when it is not,
	 * the server is elsewhere, or this cannot be told.
	 */
	private String journallessDataDirectory() {
		if (!this.serverUrl.matches("jdbc:postgresql://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?/.*")) {
			return null;
		}
		try (Connection admin = admin(); Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SHOW data_directory")) {
			rows.next();
			Path directory = Path.of(rows.getString(1)).toRealPath();
			String device = null;
			String type = null;
			int longest = -1;
			for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
				String[] fields = line.split(" ");
				if (fields.length > 2 && directory.startsWith(fields[1]) && fields[1].length() > longest) {
					longest = fields[1].length();
					device = fields[0];
					type = fields[2];
				}
			}
			if (!"ext4".equals(type) || device == null) {
				return null;
			}
			Path options = Path.of("/proc/fs/ext4", Path.of(device).getFileName().toString(), "options");
			// A journalled ext4 lists its data= mode; without a journal there is none.
			boolean journal = Files.readAllLines(options).stream().anyMatch((o) -> o.startsWith("data="));
			return journal ? null : "the data directory " + directory + " is on " + device + ", ext4 without a journal";
		}
		catch (SQLException | IOException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void close() throws SQLException {
		// Anything of this run left behind by a failure.
		dropAllOfThisRun();
	}

	/** @return whether there was any database of this run to drop */
	private boolean dropAllOfThisRun() throws SQLException {
		try (Connection admin = admin(); Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
						+ this.runPrefix.replace("_", "\\_") + "%'")) {
			List<String> names = new ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			for (String name : names) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
			return !names.isEmpty();
		}
	}

	Connection admin() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		return DriverManager.getConnection(this.serverUrl, properties);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/** One database of this run. */
	private final class PgDatabase extends Database {

		private final String name;

		PgDatabase(String name, String url) {
			super(url, PostgresqlBench.this.user, PostgresqlBench.this.password, "public");
			this.name = name;
		}

		@Override
		void drop() throws SQLException {
			if (PostgresqlBench.this.settleSeconds > 0) {
				// Dropped at the end of the case (endOfCase), outside the timings that follow.
				return;
			}
			try (Connection admin = admin(); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
		}

	}

}
