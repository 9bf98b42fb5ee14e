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
 * A real live database of one engine for the corpus: a SQLite file or a freshly created
 * PostgreSQL database, dropped on close.
 */
abstract class CorpusDatabase implements AutoCloseable {

	abstract String url();

	abstract String username();

	/** Flyway's default schema on this engine. */
	abstract String schema();

	Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (username() != null) {
			properties.setProperty("user", username());
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
	 * ({@code AUTOBASELINE_TEST_POSTGRES_URL}, default {@code 127.0.0.1:5432/postgres}).
	 */
	static final class Postgresql extends CorpusDatabase {

		private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

		private static final String SERVER_URL = env("AUTOBASELINE_TEST_POSTGRES_URL",
				"jdbc:postgresql://127.0.0.1:5432/postgres");

		private static final String SERVER_USER = env("AUTOBASELINE_TEST_POSTGRES_USER", "postgres");

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
			Properties properties = new Properties();
			properties.setProperty("user", SERVER_USER);
			return DriverManager.getConnection(SERVER_URL, properties);
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value != null && !value.isBlank()) ? value : fallback;
		}

	}

}
