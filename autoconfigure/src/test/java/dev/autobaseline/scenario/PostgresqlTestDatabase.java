package dev.autobaseline.scenario;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A freshly created database on the real PostgreSQL server, dropped afterwards. The server is
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} (user {@code postgres}) unless
 * {@code AUTOBASELINE_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} say otherwise. An
 * unreachable server fails the test: it is never skipped.
 */
final class PostgresqlTestDatabase extends TestDatabase {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	static final String SERVER_URL = env("AUTOBASELINE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String SERVER_USER = env("AUTOBASELINE_TEST_POSTGRES_USER", "postgres");

	static final String SERVER_PASSWORD = env("AUTOBASELINE_TEST_POSTGRES_PASSWORD", null);

	private final String name;

	private final List<String> roles = new ArrayList<>();

	PostgresqlTestDatabase(String owner) throws SQLException {
		this.name = ("autobaseline_test_" + owner + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
			.toLowerCase(java.util.Locale.ROOT);
		try (Connection admin = server(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + this.name);
		}
	}

	static Connection server() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", SERVER_USER);
		if (SERVER_PASSWORD != null) {
			properties.setProperty("password", SERVER_PASSWORD);
		}
		return DriverManager.getConnection(SERVER_URL, properties);
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
	String fingerprint() throws SQLException {
		// The catalog of every user schema and an md5 of every table's rows.
		StringBuilder fingerprint = new StringBuilder();
		fingerprint.append(rows("SELECT n.nspname, c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod)"
				+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
				+ " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
				+ " ORDER BY 1, 2, a.attnum"));
		fingerprint.append(rows("SELECT datname, pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()"));
		fingerprint.append(rows("SELECT unnest(setconfig) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase"
				+ " WHERE d.datname = current_database() ORDER BY 1"));
		for (String table : rows("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
				+ " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
			fingerprint.append(table).append(rows("SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))"
					+ " FROM " + table + " t"));
		}
		return fingerprint.toString();
	}

	@Override
	List<String> tables() throws SQLException {
		return new ArrayList<>(rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
				+ " ORDER BY table_name"));
	}

	/** A connection as the server user to another database of the server. */
	Connection connectTo(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", SERVER_USER);
		if (SERVER_PASSWORD != null) {
			properties.setProperty("password", SERVER_PASSWORD);
		}
		return DriverManager.getConnection(SERVER_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), properties);
	}

	/** Creates a login role (dropped with the database's owner change undone at close), returns its name. */
	String createRole(String options) throws SQLException {
		String role = this.name + "_role";
		try (Connection admin = server(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER " + options);
		}
		this.roles.add(role);
		return role;
	}

	/** Makes the role the owner of this database and everything in its public schema. */
	void handOver(String role) throws SQLException {
		try (Connection admin = server(); Statement statement = admin.createStatement()) {
			statement.execute("ALTER DATABASE " + this.name + " OWNER TO " + role);
		}
		execute("ALTER SCHEMA public OWNER TO " + role);
		for (String table : rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
			execute("ALTER TABLE public." + table + " OWNER TO " + role);
		}
	}

	/**
	 * Temporary shadow databases the starter left on the server: those whose replay lock nobody
	 * holds (a replay running in another process right now holds its lock, and is not left).
	 */
	static List<String> shadowsLeft() throws SQLException {
		List<String> left = new ArrayList<>();
		for (String name : shadowsPresent()) {
			Properties properties = new Properties();
			properties.setProperty("user", SERVER_USER);
			if (SERVER_PASSWORD != null) {
				properties.setProperty("password", SERVER_PASSWORD);
			}
			String url = SERVER_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
			try (Connection connection = DriverManager.getConnection(url, properties);
					Statement statement = connection.createStatement();
					var rows = statement.executeQuery("SELECT pg_try_advisory_lock(" + 0x41424C32 + ", 0)")) {
				if (rows.next() && rows.getBoolean(1)) {
					left.add(name);
				}
			}
			catch (SQLException ex) {
				// Dropped meanwhile, or being dropped: not left behind.
			}
		}
		return left;
	}

	/** Every database named like a temporary shadow, in use or not. */
	static List<String> shadowsPresent() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection admin = server(); Statement statement = admin.createStatement();
				var rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'autobaseline\\_shadow\\_%'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	@Override
	public void close() throws SQLException {
		try (Connection admin = server(); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			for (String role : this.roles) {
				statement.execute("DROP OWNED BY " + role);
				statement.execute("DROP ROLE IF EXISTS " + role);
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
