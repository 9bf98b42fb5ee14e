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

	/** Every database this JVM created: their temporary shadows are this JVM's. */
	private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** "ABL3": the lock a temporary shadow's creator holds in live's database, keyed by the shadow's name. */
	static final long SHADOW_OWNER_LOCK = 0x41424C33L;

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
		CREATED.add(this.name);
	}

	String name() {
		return this.name;
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
	 * Temporary shadow databases of this JVM's test databases that the starter left: those whose
	 * creator holds no lock any more. Other processes' shadows on the server are not looked at:
	 * a shadow's name holds md5 of its live database's name.
	 */
	static List<String> shadowsLeft() throws SQLException {
		List<String> left = new ArrayList<>();
		try (Connection admin = server();
				var statement = admin.prepareStatement("SELECT d.datname FROM pg_database d"
						+ " WHERE d.datname ~ '^autobaseline_shadow_[0-9]+_[0-9a-f]{16}$'"
						+ " AND substr(d.datname, length(d.datname) - 15, 8) IN (SELECT left(md5(o), 8) FROM unnest(?::text[]) o)"
						+ " AND NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 2"
						+ " AND l.classid::bigint = " + SHADOW_OWNER_LOCK
						+ " AND l.objid::bigint = ('x' || right(d.datname, 8))::bit(32)::bigint)")) {
			statement.setArray(1, admin.createArrayOf("text", CREATED.toArray()));
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					left.add(rows.getString(1));
				}
			}
		}
		return left;
	}

	/** The temporary shadows of this database, in use or not. */
	List<String> shadows() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection admin = server();
				var statement = admin.prepareStatement("SELECT datname FROM pg_database"
						+ " WHERE datname ~ '^autobaseline_shadow_[0-9]+_[0-9a-f]{16}$'"
						+ " AND substr(datname, length(datname) - 15, 8) = left(md5(?), 8)")) {
			statement.setString(1, this.name);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		return names;
	}

	/**
	 * Ends every other session in a database of this test (its own live or shadow database), as
	 * the death of the process that held them does, and waits until they are gone.
	 */
	static void killSessions(String database) throws Exception {
		try (Connection admin = server();
				var kill = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
						+ " WHERE datname = ? AND pid <> pg_backend_pid()");
				var count = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity"
						+ " WHERE datname = ? AND pid <> pg_backend_pid()")) {
			kill.setString(1, database);
			kill.executeQuery().close();
			count.setString(1, database);
			for (int attempt = 0; attempt < 100; attempt++) {
				try (var rows = count.executeQuery()) {
					rows.next();
					if (rows.getInt(1) == 0) {
						return;
					}
				}
				Thread.sleep(50);
			}
			throw new AssertionError("sessions in " + database + " did not end");
		}
	}

	/** Whether a database of that name exists on the server. */
	static boolean exists(String database) throws SQLException {
		try (Connection admin = server();
				var statement = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, database);
			try (var rows = statement.executeQuery()) {
				return rows.next();
			}
		}
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
