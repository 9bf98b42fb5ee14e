package dev.autobaseline.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MariaDB server the tests run against: {@code 127.0.0.1:3306}, user {@code root}, no
 * password, unless {@code AUTOBASELINE_TEST_MARIADB_URL} (a server URL such as
 * {@code jdbc:mariadb://host:3306/}), {@code _USER} and {@code _PASSWORD} say otherwise. An
 * unreachable server fails the tests that need it (never a skip), in CI and everywhere else.
 */
final class MariadbTestServer {

	static final String URL = env("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");

	static final String USER = env("AUTOBASELINE_TEST_MARIADB_USER", "root");

	static final String PASSWORD = env("AUTOBASELINE_TEST_MARIADB_PASSWORD", "");

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:(?:mariadb|mysql)://[^/?]+/)([^?]*)(.*)$");

	private MariadbTestServer() {
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
		Properties properties = new Properties();
		properties.setProperty("user", USER);
		if (!PASSWORD.isEmpty()) {
			properties.setProperty("password", PASSWORD);
		}
		try {
			return DriverManager.getConnection(url, properties);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("MariaDB is not reachable at " + url + " as " + USER + " ("
					+ ex.getMessage() + "). These tests need a running server: start one (.ci/run does) or point "
					+ "AUTOBASELINE_TEST_MARIADB_URL, _USER and _PASSWORD at one.", ex);
		}
	}

	private static String urlOf(String database) {
		Matcher matcher = DATABASE_IN_URL.matcher(URL);
		if (!matcher.matches()) {
			throw new IllegalStateException(
					"AUTOBASELINE_TEST_MARIADB_URL must look like jdbc:mariadb://host:port/, but is " + URL);
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
			return MariadbTestServer.connect(this.url);
		}

		void drop() {
			try (Connection connection = MariadbTestServer.connect(URL);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not drop test database " + this.name, ex);
			}
		}

	}

}
