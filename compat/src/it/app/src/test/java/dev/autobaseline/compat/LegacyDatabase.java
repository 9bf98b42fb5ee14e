package dev.autobaseline.compat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * An empty database of one engine for one test, made by plain JDBC and dropped on close: a file
 * for SQLite, a database of its own on the PostgreSQL or MariaDB server the settings name
 * ({@code autobaseline.test.postgres.url} or {@code AUTOBASELINE_TEST_POSTGRES_URL}, and so on;
 * by default 127.0.0.1 with user postgres or root and no password). Other builds share those
 * servers: every name is new, and nothing else on them is touched.
 */
abstract class LegacyDatabase implements AutoCloseable {

	/** The JDBC URL the application is started with. */
	abstract String url();

	String user() {
		return null;
	}

	String password() {
		return null;
	}

	/** The {@code --spring.datasource.*} arguments that point the application at this database. */
	List<String> datasourceArguments() {
		List<String> arguments = new ArrayList<>();
		arguments.add("--spring.datasource.url=" + url());
		if (user() != null) {
			arguments.add("--spring.datasource.username=" + user());
		}
		if (password() != null) {
			arguments.add("--spring.datasource.password=" + password());
		}
		return arguments;
	}

	Connection connect() throws SQLException {
		return open(url(), user(), password());
	}

	/** Each row of the query as its columns joined by a space. */
	List<String> rows(String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> values = new ArrayList<>();
				for (int column = 1; column <= columns; column++) {
					values.add(result.getString(column));
				}
				rows.add(String.join(" ", values));
			}
		}
		return rows;
	}

	void execute(String... statements) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	@Override
	public void close() throws SQLException {
	}

	static LegacyDatabase sqlite(Path file) {
		return new LegacyDatabase() {

			@Override
			String url() {
				return "jdbc:sqlite:" + file;
			}

		};
	}

	static LegacyDatabase postgresql() throws SQLException {
		return new ServerDatabase(Line.setting("autobaseline.test.postgres.url", "AUTOBASELINE_TEST_POSTGRES_URL",
				"jdbc:postgresql://127.0.0.1:5432/postgres"),
				Line.setting("autobaseline.test.postgres.user", "AUTOBASELINE_TEST_POSTGRES_USER", "postgres"),
				Line.setting("autobaseline.test.postgres.password", "AUTOBASELINE_TEST_POSTGRES_PASSWORD", null)) {

			@Override
			String url() {
				return serverUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name() + "$1");
			}

			@Override
			String dropStatement() {
				return "DROP DATABASE IF EXISTS " + name() + " WITH (FORCE)";
			}

		};
	}

	static LegacyDatabase mariadb() throws SQLException {
		return new ServerDatabase(Line.setting("autobaseline.test.mariadb.url", "AUTOBASELINE_TEST_MARIADB_URL",
				"jdbc:mariadb://127.0.0.1:3306/"),
				Line.setting("autobaseline.test.mariadb.user", "AUTOBASELINE_TEST_MARIADB_USER", "root"),
				Line.setting("autobaseline.test.mariadb.password", "AUTOBASELINE_TEST_MARIADB_PASSWORD", null)) {

			@Override
			String url() {
				return serverUrl().replaceFirst("^(jdbc:[a-z]+://[^/?]*)/?[^?]*", "$1/" + name());
			}

			@Override
			String dropStatement() {
				return "DROP DATABASE IF EXISTS " + name();
			}

		};
	}

	private static Connection open(String url, String user, String password) throws SQLException {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(url, properties);
	}

	/** A database created on a server through its administrative URL, and dropped there. */
	private abstract static class ServerDatabase extends LegacyDatabase {

		private final String serverUrl;

		private final String user;

		private final String password;

		private final String name = "autobaseline_compat_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

		ServerDatabase(String serverUrl, String user, String password) throws SQLException {
			this.serverUrl = serverUrl;
			this.user = user;
			this.password = password;
			try (Connection admin = open(serverUrl, user, password); Statement statement = admin.createStatement()) {
				statement.execute("CREATE DATABASE " + this.name);
			}
		}

		String serverUrl() {
			return this.serverUrl;
		}

		String name() {
			return this.name;
		}

		abstract String dropStatement();

		@Override
		String user() {
			return this.user;
		}

		@Override
		String password() {
			return this.password;
		}

		@Override
		public void close() throws SQLException {
			try (Connection admin = open(this.serverUrl, this.user, this.password);
					Statement statement = admin.createStatement()) {
				statement.execute(dropStatement());
			}
		}

	}

}
