package dev.autobaseline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL: every database the harness makes is called {@code autobaseline_bench_<pid>_<n>_<label>}
 * and dropped afterwards; copies are made with {@code CREATE DATABASE ... TEMPLATE}. The server is
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} (user {@code postgres}) unless
 * {@code AUTOBASELINE_BENCH_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} say otherwise.
 */
final class PostgresqlBench implements BenchEngine {

	static final String PREFIX = "autobaseline_bench_";

	private final String serverUrl = env("AUTOBASELINE_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private final String user = env("AUTOBASELINE_BENCH_POSTGRES_USER", "postgres");

	private final String password = env("AUTOBASELINE_BENCH_POSTGRES_PASSWORD", null);

	private final AtomicInteger counter = new AtomicInteger();

	private final String runPrefix = PREFIX + ProcessHandle.current().pid() + "_";

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
	public String defaultSchema() {
		return "public";
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

	@Override
	public void close() throws SQLException {
		// Anything of this run left behind by a failure.
		try (Connection admin = admin(); Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
						+ this.runPrefix.replace("_", "\\_") + "%'")) {
			java.util.List<String> names = new java.util.ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			for (String name : names) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
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
			super(url, PostgresqlBench.this.user, PostgresqlBench.this.password);
			this.name = name;
		}

		@Override
		void drop() throws SQLException {
			try (Connection admin = admin(); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
		}

	}

}
