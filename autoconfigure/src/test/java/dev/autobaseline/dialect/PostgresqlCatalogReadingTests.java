package dev.autobaseline.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import dev.autobaseline.dialect.postgresql.PostgresqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog reading on databases of the real PostgreSQL server ({@code AUTOBASELINE_TEST_POSTGRES_*}
 * as for the scenario tests), each created for the test and dropped afterwards.
 */
class PostgresqlCatalogReadingTests extends CatalogReadingTests {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final String SERVER_URL = env("AUTOBASELINE_TEST_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	private final List<String> databases = new java.util.ArrayList<>();

	@Override
	Connection connect() throws Exception {
		String name = "autobaseline_test_catalog_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		try (Connection admin = server(SERVER_URL); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		this.databases.add(name);
		return server(SERVER_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
	}

	@AfterEach
	void dropDatabases() throws Exception {
		this.connection.close();
		try (Connection admin = server(SERVER_URL); Statement statement = admin.createStatement()) {
			for (String name : this.databases) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
	}

	@Override
	Dialect newDialect() {
		return new PostgresqlDialect();
	}

	@Override
	String key(String table) {
		return "public." + table;
	}

	@Override
	List<String> schemas() {
		return List.of("public");
	}

	@Test
	void columnNamesThatLookLikeSeparatorsDoNotCollide() throws Exception {
		execute("CREATE TABLE a (\"x,y\" INTEGER)", "CREATE TABLE b (x INTEGER, y INTEGER)",
				"CREATE TABLE c (\"1:x\" INTEGER)", "CREATE TABLE d (\"1:x1:x\" INTEGER)");
		assertColumns("a", "x,y");
		assertColumns("b", "x", "y");
		assertColumns("c", "1:x");
		assertColumns("d", "1:x1:x");
	}

	@Test
	void relationsOfExtensionsAreLeftOutWhetherOrNotAnExtensionIsInstalled() throws Exception {
		execute("CREATE TABLE book (id INTEGER)");
		assertThat(read().names()).containsExactly("public.book");
		// pg_buffercache brings a view into public: a member of the extension, not the application's.
		execute("CREATE EXTENSION pg_buffercache");
		assertThat(read().names()).containsExactly("public.book");
		assertThat(newDialect().readCatalog(this.connection, null).names()).containsExactly("public.book");
		execute("ALTER EXTENSION pg_buffercache DROP VIEW pg_buffercache");
		assertThat(read().names()).containsExactlyInAnyOrder("public.book", "public.pg_buffercache");
	}

	@Test
	void aTableWithoutColumnsIsARelationWithNone() throws Exception {
		execute("CREATE TABLE nothing ()");
		assertThat(read().relations().get(key("nothing")).columns()).isEmpty();
		execute("ALTER TABLE nothing ADD COLUMN id INTEGER");
		assertColumns("nothing", "id");
	}

	@Test
	void relationsOfOtherSchemasAreKeyedBySchema() throws Exception {
		execute("CREATE SCHEMA app", "CREATE TABLE app.book (id INTEGER)", "CREATE TABLE book (id INTEGER, title TEXT)");
		assertThat(this.dialect.readCatalog(this.connection, List.of("app", "public")).relations())
			.containsOnlyKeys("app.book", "public.book");
		assertThat(this.dialect.readCatalog(this.connection, null).relations().get("app.book").columns())
			.containsExactly("id");
	}

	private static Connection server(String url) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("user", env("AUTOBASELINE_TEST_POSTGRES_USER", "postgres"));
		String password = env("AUTOBASELINE_TEST_POSTGRES_PASSWORD", null);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(url, properties);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
