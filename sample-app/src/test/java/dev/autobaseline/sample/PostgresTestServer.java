package dev.autobaseline.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests run against: {@code 127.0.0.1:5432}, user
 * {@code postgres}, no password, unless {@code AUTOBASELINE_TEST_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD} say otherwise. An unreachable server
 * fails the tests that need it (never a skip), in CI and everywhere else.
 */
final class PostgresTestServer {

	static final String URL = env("AUTOBASELINE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String USER = env("AUTOBASELINE_TEST_POSTGRES_USER", "postgres");

	static final String PASSWORD = env("AUTOBASELINE_TEST_POSTGRES_PASSWORD", "");

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(.*)$");

	private PostgresTestServer() {
	}

	/** Creates a database of its own for one test class. */
	static TestDatabase createDatabase(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		try (Connection connection = connect(URL); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + ": " + ex.getMessage(), ex);
		}
		return new TestDatabase(name, urlOf(name));
	}

	static Connection connect(String url) {
		try {
			return DriverManager.getConnection(url, USER, PASSWORD);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL is not reachable at " + url + " as " + USER + " ("
					+ ex.getMessage() + "). These tests need a running server: start one (.ci/run does) or point "
					+ "AUTOBASELINE_TEST_POSTGRES_URL, _USER and _PASSWORD at one.", ex);
		}
	}

	private static String urlOf(String database) {
		Matcher matcher = DATABASE_IN_URL.matcher(URL);
		if (!matcher.matches()) {
			throw new IllegalStateException("AUTOBASELINE_TEST_POSTGRES_URL must look like "
					+ "jdbc:postgresql://host:port/database, but is " + URL);
		}
		return matcher.group(1) + database + matcher.group(3);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

	/** A database created for one test class; {@link #drop()} it afterwards. */
	record TestDatabase(String name, String url) {

		Connection connect() {
			return PostgresTestServer.connect(this.url);
		}

		void drop() {
			try (Connection connection = PostgresTestServer.connect(URL);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not drop test database " + this.name, ex);
			}
		}

	}

}
