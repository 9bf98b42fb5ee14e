package dev.autobaseline.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL server the tests use: {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * user {@code postgres}, unless {@code AUTOBASELINE_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD} say otherwise. An unreachable server fails the test: it is never skipped.
 */
final class PostgresqlServer {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	static final String URL = env("AUTOBASELINE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String USER = env("AUTOBASELINE_TEST_POSTGRES_USER", "postgres");

	static final String PASSWORD = env("AUTOBASELINE_TEST_POSTGRES_PASSWORD", null);

	private PostgresqlServer() {
	}

	/** Creates a database of its own; {@link Database#close()} drops it. */
	static Database createDatabase(String owner) throws SQLException {
		String name = ("autobaseline_test_" + owner + "_" + ProcessHandle.current().pid() + "_"
				+ COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
		try (Connection admin = connect(URL); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		return new Database(name, URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
	}

	static Connection connect(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", USER);
		if (PASSWORD != null) {
			properties.setProperty("password", PASSWORD);
		}
		return DriverManager.getConnection(url, properties);
	}

	/** {@code spring.datasource.*} properties that reach a database of the server. */
	static List<String> datasourceProperties(String url) {
		List<String> properties = new ArrayList<>(
				List.of("spring.datasource.url=" + url, "spring.datasource.username=" + USER));
		if (PASSWORD != null) {
			properties.add("spring.datasource.password=" + PASSWORD);
		}
		return properties;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

	/** A database created for a test. */
	record Database(String name, String url) implements AutoCloseable {

		void execute(String... statements) throws SQLException {
			try (Connection connection = connect(this.url); Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
		}

		@Override
		public void close() throws SQLException {
			try (Connection admin = connect(URL); Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
		}

	}

}
