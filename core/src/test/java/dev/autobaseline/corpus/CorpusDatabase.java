package dev.autobaseline.corpus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A real live database of one engine for the corpus: a SQLite file, or a freshly created
 * PostgreSQL or MariaDB database, dropped on close.
 */
abstract class CorpusDatabase implements AutoCloseable {

	abstract String url();

	abstract String username();

	/** The password, or {@code null} for none. */
	String password() {
		return null;
	}

	/** Flyway's default schema on this engine. */
	abstract String schema();

	Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (username() != null) {
			properties.setProperty("user", username());
		}
		if (password() != null) {
			properties.setProperty("password", password());
		}
		return DriverManager.getConnection(url(), properties);
	}

	void execute(String... statements) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/** Every row of a query, each row's columns joined with '|'. */
	List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					row.append((i > 1) ? "|" : "").append(result.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	/** A SQLite file in a folder. */
	static final class Sqlite extends CorpusDatabase {

		private final java.nio.file.Path file;

		Sqlite(java.nio.file.Path file) {
			this.file = file;
		}

		@Override
		String url() {
			return "jdbc:sqlite:" + this.file;
		}

		@Override
		String username() {
			return null;
		}

		@Override
		String schema() {
			return "main";
		}

		@Override
		public void close() {
		}

	}

	/**
	 * A database created on the real PostgreSQL server
	 * ({@code AUTOBASELINE_TEST_POSTGRES_URL}, default {@code 127.0.0.1:5432/postgres};
	 * {@code _USER}, default {@code postgres}; {@code _PASSWORD}, default none).
	 */
	static final class Postgresql extends CorpusDatabase {

		private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

		private static final String SERVER_URL = env("AUTOBASELINE_TEST_POSTGRES_URL",
				"jdbc:postgresql://127.0.0.1:5432/postgres");

		private static final String SERVER_USER = env("AUTOBASELINE_TEST_POSTGRES_USER", "postgres");

		private static final String SERVER_PASSWORD = env("AUTOBASELINE_TEST_POSTGRES_PASSWORD", null);

		private final String name;

		Postgresql(String owner) throws SQLException {
			this.name = ("autobaseline_corpus_" + owner + "_" + ProcessHandle.current().pid() + "_"
					+ COUNTER.incrementAndGet()).toLowerCase(java.util.Locale.ROOT);
			try (Connection admin = server(); Statement statement = admin.createStatement()) {
				statement.execute("CREATE DATABASE " + this.name);
			}
		}

		@Override
		String url() {
			return SERVER_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + this.name + "$1");
		}

		@Override
		String username() {
			return SERVER_USER;
		}

		@Override
		String password() {
			return SERVER_PASSWORD;
		}

		@Override
		String schema() {
			return "public";
		}

		@Override
		public void close() throws SQLException {
			try (Connection admin = server(); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
		}

		private static Connection server() throws SQLException {
			return serverConnection(SERVER_URL, SERVER_USER, SERVER_PASSWORD);
		}

	}

	/**
	 * A database created on the real MariaDB server ({@code AUTOBASELINE_TEST_MARIADB_URL},
	 * default {@code jdbc:mariadb://127.0.0.1:3306/}; {@code _USER}, default {@code root};
	 * {@code _PASSWORD}, default none), dropped on close. An unreachable server fails the test,
	 * under {@code CI=true} as anywhere: it is never skipped.
	 */
	static final class Mariadb extends CorpusDatabase {

		private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

		private static final String SERVER_URL = env("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");

		private static final String SERVER_USER = env("AUTOBASELINE_TEST_MARIADB_USER", "root");

		private static final String SERVER_PASSWORD = env("AUTOBASELINE_TEST_MARIADB_PASSWORD", null);

		private final String name;

		Mariadb(String owner) throws SQLException {
			this.name = ("autobaseline_corpus_" + owner + "_" + ProcessHandle.current().pid() + "_"
					+ COUNTER.incrementAndGet()).toLowerCase(java.util.Locale.ROOT);
			try (Connection admin = server(); Statement statement = admin.createStatement()) {
				statement.execute("CREATE DATABASE `" + this.name + "`");
			}
		}

		@Override
		String url() {
			return SERVER_URL.replaceFirst("^(jdbc:[a-z]+://[^/?]*)/?[^?]*", "$1/" + this.name);
		}

		@Override
		String username() {
			return SERVER_USER;
		}

		@Override
		String password() {
			return SERVER_PASSWORD;
		}

		/** A database is Flyway's schema on MariaDB. */
		@Override
		String schema() {
			return this.name;
		}

		@Override
		public void close() throws SQLException {
			try (Connection admin = server(); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS `" + this.name + "`");
			}
		}

		private static Connection server() throws SQLException {
			return serverConnection(SERVER_URL, SERVER_USER, SERVER_PASSWORD);
		}

	}

	private static Connection serverConnection(String url, String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(url, properties);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
