package dev.autobaseline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MariaDB: every database the harness makes is called {@code autobaseline_bench_<pid>_<n>_<label>}
 * and dropped afterwards; only those of this run are ever dropped (the server is shared). MariaDB
 * has no template databases, so a copy is a new database filled by the same steps as its
 * template. The server is {@code jdbc:mariadb://127.0.0.1:3306/} (user {@code root}, no password)
 * unless {@code AUTOBASELINE_BENCH_MARIADB_URL}, {@code _USER} and {@code _PASSWORD} say otherwise.
 * <p>
 * No settling: a drop's cost on a journal-less ext4 (see {@link PostgresqlBench}) falls inside
 * MariaDB's timings as it does for an application on that server; the report says where the
 * server's data lives.
 */
final class MariadbBench implements BenchEngine {

	private final String serverUrl = env("AUTOBASELINE_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");

	private final String user = env("AUTOBASELINE_BENCH_MARIADB_USER", "root");

	private final String password = env("AUTOBASELINE_BENCH_MARIADB_PASSWORD", null);

	private final AtomicInteger counter = new AtomicInteger();

	private final String runPrefix = PostgresqlBench.PREFIX + ProcessHandle.current().pid() + "_";

	@Override
	public Flavor flavor() {
		return Flavor.MARIADB;
	}

	@Override
	public String describe() throws SQLException {
		try (Connection admin = admin(); Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT VERSION(), @@datadir, @@innodb_file_per_table")) {
			rows.next();
			return "MariaDB " + rows.getString(1) + " on " + this.serverUrl.replaceFirst("/[^/]*$", "") + " (Connector/J "
					+ admin.getMetaData().getDriverVersion() + "), same machine; data in " + rows.getString(2)
					+ (rows.getBoolean(3) ? ", a file per InnoDB table" : "") + "; no settling after drops";
		}
	}

	@Override
	public Database createEmpty(String label) throws SQLException {
		String name = this.runPrefix + this.counter.incrementAndGet() + "_" + label;
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			// The server's default character set and collation, as the temporary shadow copies live's.
			statement.execute("CREATE DATABASE `" + name + "`");
		}
		return new MariadbDatabase(name);
	}

	@Override
	public Database copyOf(Database template, String label) throws Exception {
		template.closePool();
		Database copy = createEmpty(label);
		template.fillAlike(copy);
		copy.closePool();
		return copy;
	}

	@Override
	public Database createShadowLike(String label) throws SQLException {
		return createEmpty(label);
	}

	@Override
	public void close() throws SQLException {
		// Anything of this run left behind by a failure; never another's.
		try (Connection admin = admin(); Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
						+ " WHERE SCHEMA_NAME LIKE '" + this.runPrefix.replace("_", "\\_") + "%'")) {
			List<String> names = new ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			for (String name : names) {
				statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
			}
		}
	}

	private Connection admin() throws SQLException {
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

	/** One database of this run: Flyway's default schema is the database itself. */
	private final class MariadbDatabase extends Database {

		private final String name;

		MariadbDatabase(String name) {
			super(MariadbBench.this.serverUrl.replaceFirst("^(jdbc:[a-z]+://[^/?]*)/?[^?]*", "$1/" + name),
					MariadbBench.this.user, MariadbBench.this.password, name);
			this.name = name;
		}

		@Override
		void drop() throws SQLException {
			try (Connection admin = admin(); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS `" + this.name + "`");
			}
		}

	}

}
