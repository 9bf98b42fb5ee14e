package dev.autobaseline.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application without Spring Boot: it builds its own {@code Flyway} and calls the engine
 * where it would call {@code flyway.migrate()}, as the README's "Without Spring Boot" shows.
 */
class PlainFlywayTests {

	private static final String V1 = "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);";

	private static final String V2 = "CREATE TABLE payment (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,"
			+ " amount INTEGER NOT NULL);";

	private static final String V3 = "ALTER TABLE payment ADD COLUMN note VARCHAR(200);";

	@TempDir
	Path directory;

	@Test
	void aSqliteDatabaseBuiltByHandIsAdoptedAtItsVersionAndKeepsItsRows() throws Exception {
		String url = "jdbc:sqlite:" + this.directory.resolve("legacy.db");
		legacyAtV2(url, null, null);
		Flyway flyway = Flyway.configure().dataSource(url, null, null).locations(migrations()).load();

		AdoptionReport report = Autobaseline.builder().url(url).build().migrate(flyway);

		assertThat(report.summary()).contains("UNMANAGED").contains("baselined at 2");
		assertAdoptedAtV2(url, null, null);
	}

	@Test
	void aPostgresqlDatabaseBuiltByHandIsAdoptedAtItsVersionAndKeepsItsRows() throws Exception {
		String server = System.getenv().getOrDefault("AUTOBASELINE_TEST_POSTGRES_URL",
				"jdbc:postgresql://127.0.0.1:5432/postgres");
		String user = System.getenv().getOrDefault("AUTOBASELINE_TEST_POSTGRES_USER", "postgres");
		String password = System.getenv().getOrDefault("AUTOBASELINE_TEST_POSTGRES_PASSWORD", "");
		String database = "autobaseline_plain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(server, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		try {
			String url = server.substring(0, server.lastIndexOf('/') + 1) + database;
			legacyAtV2(url, user, password);
			Flyway flyway = Flyway.configure().dataSource(url, user, password).locations(migrations()).load();

			AdoptionReport report = Autobaseline.builder().url(url).user(user).password(password).build()
				.migrate(flyway);

			assertThat(report.summary()).contains("UNMANAGED").contains("baselined at 2");
			assertAdoptedAtV2(url, user, password);
		}
		finally {
			try (Connection connection = DriverManager.getConnection(server, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	@Test
	void aMariadbDatabaseBuiltByHandIsAdoptedAtItsVersionAndKeepsItsRows() throws Exception {
		String server = System.getenv().getOrDefault("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
		String user = System.getenv().getOrDefault("AUTOBASELINE_TEST_MARIADB_USER", "root");
		String password = System.getenv().getOrDefault("AUTOBASELINE_TEST_MARIADB_PASSWORD", "");
		String database = "autobaseline_plain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(server, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		try {
			String url = server.substring(0, server.lastIndexOf('/') + 1) + database;
			legacyAtV2(url, user, password);
			Flyway flyway = Flyway.configure().dataSource(url, user, password).locations(migrations()).load();

			AdoptionReport report = Autobaseline.builder().url(url).user(user).password(password).build()
				.migrate(flyway);

			assertThat(report.summary()).contains("UNMANAGED").contains("baselined at 2");
			assertAdoptedAtV2(url, user, password);
		}
		finally {
			try (Connection connection = DriverManager.getConnection(server, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
			}
		}
	}

	@Test
	void aRefusalNamesTheBuilderMethodsAndWritesNothing() throws Exception {
		String url = "jdbc:sqlite:" + this.directory.resolve("odd.db");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			// An account table no migration made: no version matches it.
			statement.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, nickname TEXT)");
			statement.execute("INSERT INTO account (nickname) VALUES ('kept')");
		}
		Flyway flyway = Flyway.configure().dataSource(url, null, null).locations(migrations()).load();

		assertThatExceptionOfType(AdoptionRefusedException.class)
			.isThrownBy(() -> Autobaseline.builder().url(url).build().migrate(flyway))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("Autobaseline.builder().").doesNotContain("autobaseline.");
				assertThat(ex.getAction()).doesNotContain("autobaseline.").doesNotContain("spring.flyway.");
			});
		assertThat(tables(url, null, null)).containsExactly("account");
		assertThat(count(url, null, null, "SELECT COUNT(*) FROM account WHERE nickname = 'kept'")).isEqualTo(1);
	}

	@Test
	void theSpringBootNamesBecomeTheBuilderMethods() {
		assertThat(Naming.PLAIN.rename("Set autobaseline.replay.allow-cluster-statements=true, or"
				+ " autobaseline.mode=fixed with autobaseline.fixed-version=<version>; see spring.flyway.schemas."))
			.isEqualTo("Set Autobaseline.builder().replayAllowClusterStatements(true), or"
					+ " Autobaseline.builder().mode(Mode.FIXED) with Autobaseline.builder().fixedVersion(<version>);"
					+ " see Flyway.configure().schemas(...).");
		assertThat(Naming.PLAIN.rename("autobaseline: V3, V4 match equally well (their migrations change data only);"
				+ " autobaseline.on-ambiguous=highest chose V4"))
			.isEqualTo("autobaseline: V3, V4 match equally well (their migrations change data only);"
					+ " Autobaseline.builder().onAmbiguous(OnAmbiguous.HIGHEST) chose V4");
		// A value that is a URL, a path or one character is the method's argument, whole.
		assertThat(Naming.PLAIN.rename("autobaseline.shadow.url=jdbc:postgresql://127.0.0.1:5432/app is a PostgreSQL"
				+ " database; autobaseline.backup.directory=/var/backups/app is not writable;"
				+ " autobaseline.fixed-version=0; set autobaseline.rebaseline=true: it rewrites the row."))
			.isEqualTo("Autobaseline.builder().shadowUrl(jdbc:postgresql://127.0.0.1:5432/app) is a PostgreSQL database;"
					+ " Autobaseline.builder().backupDirectory(/var/backups/app) is not writable;"
					+ " Autobaseline.builder().fixedVersion(0); set Autobaseline.builder().rebaseline(true): it rewrites"
					+ " the row.");
		assertThat(Naming.SPRING_BOOT.rename("autobaseline.dry-run=true")).isEqualTo("autobaseline.dry-run=true");
	}

	@Test
	void theFlywayOnTheClassPathIsTheOneThisRunIsFor() {
		// Set by the surefire executions that run these tests on an older Flyway line.
		String expected = System.getProperty("autobaseline.test.flyway", "12.");
		assertThat(FlywayVersions.found()).startsWith(expected);
	}

	@Test
	void flywayOutsideElevenSevenToTwelveIsRefused() {
		assertThat(FlywayVersions.supported("11.7.2")).isTrue();
		assertThat(FlywayVersions.supported("11.14.1")).isTrue();
		assertThat(FlywayVersions.supported("12.4.0")).isTrue();
		assertThat(FlywayVersions.supported("11.6.0")).isFalse();
		assertThat(FlywayVersions.supported("10.22.0")).isFalse();
		assertThat(FlywayVersions.supported("13.0.0")).isFalse();
	}

	private String migrations() throws Exception {
		Path folder = Files.createDirectories(this.directory.resolve("migration"));
		Files.writeString(folder.resolve("V1__account.sql"), V1);
		Files.writeString(folder.resolve("V2__payment.sql"), V2);
		Files.writeString(folder.resolve("V3__payment_note.sql"), V3);
		return "filesystem:" + folder;
	}

	private static void legacyAtV2(String url, String user, String password) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(V1);
			statement.execute(V2);
			statement.execute("INSERT INTO account (id, name) VALUES (1, 'Ada')");
			statement.execute("INSERT INTO payment (id, account_id, amount) VALUES (1, 1, 42)");
		}
	}

	private static void assertAdoptedAtV2(String url, String user, String password) throws SQLException {
		assertThat(count(url, user, password,
				"SELECT COUNT(*) FROM flyway_schema_history WHERE type = 'BASELINE' AND version = '2'"))
			.isEqualTo(1);
		assertThat(count(url, user, password,
				"SELECT COUNT(*) FROM flyway_schema_history WHERE version = '3' AND success = true"))
			.isEqualTo(1);
		assertThat(count(url, user, password, "SELECT COUNT(*) FROM account WHERE name = 'Ada'")).isEqualTo(1);
		assertThat(count(url, user, password, "SELECT COUNT(*) FROM payment WHERE amount = 42 AND note IS NULL"))
			.isEqualTo(1);
	}

	private static long count(String url, String user, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static List<String> tables(String url, String user, String password) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, user, password);
				ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

}
