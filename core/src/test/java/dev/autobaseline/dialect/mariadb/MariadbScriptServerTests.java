package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import dev.autobaseline.dialect.mariadb.MariadbScriptFinding.Reach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real MariaDB server: what the scanner refuses does reach past a scratch database, and
 * the scanner reads the server's databases and sql_mode through a connection. Databases and the
 * user are named with this process's id and dropped; a global variable is restored.
 */
class MariadbScriptServerTests {

	private static final String URL = env("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");

	private static final String PREFIX = "abscan_" + ProcessHandle.current().pid() + "_";

	private final String live = PREFIX + "live";

	private final String scratch = PREFIX + "scratch";

	private final String other = PREFIX + "other";

	private final String user = PREFIX + "user";

	@BeforeEach
	void createDatabases() throws SQLException {
		try (Connection admin = connect(""); Statement statement = admin.createStatement()) {
			for (String database : List.of(this.live, this.scratch, this.other)) {
				statement.execute("CREATE DATABASE " + database);
			}
			statement.execute("CREATE TABLE " + this.live + ".t (id int)");
		}
	}

	@AfterEach
	void dropDatabasesAndUser() throws SQLException {
		try (Connection admin = connect(""); Statement statement = admin.createStatement()) {
			for (String database : List.of(this.live, this.scratch, this.other)) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
			}
			statement.execute("DROP USER IF EXISTS '" + this.user + "'@'localhost'");
		}
	}

	@Test
	void forServerReadsTheServersDatabasesAndTheSessionsSqlMode() throws SQLException {
		try (Connection connection = connect(this.scratch); Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION sql_mode = 'ANSI_QUOTES'");
			MariadbScriptScanner scanner = MariadbScriptScanner.forServer(connection, Set.of(this.live));
			assertThat(reaches(scanner, "INSERT INTO \"" + this.live + "\".t VALUES (1)")).containsExactly(Reach.LIVE);
			assertThat(reaches(scanner, "INSERT INTO " + this.other + ".t VALUES (1)")).containsExactly(Reach.SERVER);
			assertThat(reaches(scanner, "SELECT nodb.c FROM t AS nodb")).isEmpty();
		}
	}

	@Test
	void aLiveQualifiedInsertFromTheScratchDatabaseWritesToLive() throws SQLException {
		String sql = "INSERT INTO `" + this.live + "`.`t` VALUES (1)";
		assertThat(reaches(scanner(), sql)).containsExactly(Reach.LIVE);
		run(sql);
		assertThat(count("SELECT COUNT(*) FROM " + this.live + ".t")).isEqualTo(1);
	}

	@Test
	void useInAScriptMovesTheFollowingStatementsToLive() throws SQLException {
		String script = "USE " + this.live + ";\nCREATE TABLE moved (id int);";
		assertThat(reaches(scanner(), script)).containsExactly(Reach.LIVE);
		run("USE " + this.live, "CREATE TABLE moved (id int)");
		assertThat(count("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + this.live
				+ "' AND TABLE_NAME = 'moved'")).isEqualTo(1);
	}

	@Test
	void anExecutableCommentCreatesAUserOnTheServer() throws SQLException {
		String sql = "/*! CREATE USER '" + this.user + "'@'localhost' */";
		assertThat(reaches(scanner(), sql)).containsExactly(Reach.SERVER);
		run(sql);
		assertThat(count("SELECT COUNT(*) FROM mysql.user WHERE User = '" + this.user + "'")).isEqualTo(1);
	}

	@Test
	void setGlobalFromTheScratchDatabaseChangesTheServer() throws SQLException {
		long before = count("SELECT @@GLOBAL.max_connect_errors");
		String sql = "SET GLOBAL max_connect_errors = " + (before + 1);
		assertThat(reaches(scanner(), sql)).containsExactly(Reach.SERVER);
		try {
			run(sql);
			// Seen from another session: the whole server changed, not the scratch database.
			assertThat(count("SELECT @@GLOBAL.max_connect_errors")).isEqualTo(before + 1);
		}
		finally {
			try (Connection admin = connect(""); Statement statement = admin.createStatement()) {
				statement.execute("SET GLOBAL max_connect_errors = " + before);
			}
		}
	}

	private MariadbScriptScanner scanner() throws SQLException {
		try (Connection connection = connect(this.scratch)) {
			return MariadbScriptScanner.forServer(connection, Set.of(this.live));
		}
	}

	private static List<Reach> reaches(MariadbScriptScanner scanner, String sql) {
		return scanner.scan("V1__test.sql", sql).stream().map(MariadbScriptFinding::reach).toList();
	}

	/** Runs statements one by one in the scratch database, as Flyway runs a script's statements. */
	private void run(String... statements) throws SQLException {
		try (Connection connection = connect(this.scratch); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static long count(String query) throws SQLException {
		try (Connection connection = connect(""); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", env("AUTOBASELINE_TEST_MARIADB_USER", "root"));
		String password = env("AUTOBASELINE_TEST_MARIADB_PASSWORD", null);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), properties);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}
