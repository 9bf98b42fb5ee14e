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
 * A freshly created database on the real MariaDB server, dropped afterwards. The server is
 * {@code jdbc:mariadb://127.0.0.1:3306/} (user {@code root}, no password) unless
 * {@code AUTOBASELINE_TEST_MARIADB_URL}, {@code _USER} and {@code _PASSWORD} say otherwise. An
 * unreachable server fails the test (under {@code CI=true} as anywhere): it is never skipped.
 */
final class MariadbTestDatabase extends TestDatabase {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	static final String SERVER_URL = env("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");

	static final String SERVER_USER = env("AUTOBASELINE_TEST_MARIADB_USER", "root");

	static final String SERVER_PASSWORD = env("AUTOBASELINE_TEST_MARIADB_PASSWORD", null);

	private final String name;

	private final String serverUrl;

	MariadbTestDatabase(String owner) throws SQLException {
		this(owner, SERVER_URL);
	}

	/** A database reached through another URL of the same server (jdbc:mysql: for Connector/J). */
	MariadbTestDatabase(String owner, String serverUrl) throws SQLException {
		this.serverUrl = serverUrl;
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

	String name() {
		return this.name;
	}

	@Override
	String url() {
		return urlOf(this.name);
	}

	/** The URL of another database on the same server. */
	String urlOf(String database) {
		return this.serverUrl.replaceFirst("^(jdbc:[a-z]+://[^/?]*)/?[^?]*", "$1/" + database);
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
		// The catalog of the database, its defaults and a checksum of every table's rows.
		StringBuilder fingerprint = new StringBuilder();
		fingerprint.append(rows("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
				+ " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, ORDINAL_POSITION"));
		fingerprint.append(rows("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"));
		fingerprint.append(rows("SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS"
				+ " WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2, SEQ_IN_INDEX"));
		fingerprint.append(rows("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA"
				+ " WHERE SCHEMA_NAME = DATABASE()"));
		fingerprint.append(rows("SELECT TRIGGER_NAME, ACTION_STATEMENT FROM information_schema.TRIGGERS"
				+ " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1"));
		fingerprint.append(rows("SELECT ROUTINE_NAME, ROUTINE_DEFINITION FROM information_schema.ROUTINES"
				+ " WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1"));
		for (String table : rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1")) {
			fingerprint.append(table).append(rows("CHECKSUM TABLE `" + table + "` EXTENDED"));
		}
		return fingerprint.toString();
	}

	@Override
	List<String> tables() throws SQLException {
		return new ArrayList<>(rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
				+ " ORDER BY TABLE_NAME"));
	}

	/**
	 * Temporary shadows made for databases of this process's tests (named with the owner hash of
	 * each) that nobody's replay holds: another process's shadows never fail these tests.
	 */
	static List<String> shadowsLeft(List<String> ownersOfThisProcess) throws SQLException {
		List<String> left = new ArrayList<>();
		try (Connection admin = server(); Statement statement = admin.createStatement()) {
			for (String name : shadowsPresent()) {
				boolean ours = ownersOfThisProcess.stream().anyMatch((owner) -> name.contains("_" + owner + "_"));
				if (!ours) {
					continue;
				}
				try (var rows = statement.executeQuery("SELECT IS_FREE_LOCK('autobaseline:" + name + "')")) {
					if (rows.next() && rows.getInt(1) == 1) {
						left.add(name);
					}
				}
			}
		}
		return left;
	}

	/** Every database named like a temporary shadow, in use or not. */
	static List<String> shadowsPresent() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection admin = server(); Statement statement = admin.createStatement();
				var rows = statement.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
						+ " WHERE SCHEMA_NAME LIKE 'autobaseline\\_shadow\\_%'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	/** The owner tag a temporary shadow of this database carries in its name. */
	String ownerTag() {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
				.digest(this.name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest).substring(0, 6);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws SQLException {
		try (Connection admin = server(); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
