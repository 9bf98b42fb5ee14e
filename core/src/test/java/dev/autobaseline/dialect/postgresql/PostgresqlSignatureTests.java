package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.catalog.RelationCache;
import dev.autobaseline.dialect.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures read one after another, as the replay reads them after each migration, on a database
 * of the real PostgreSQL server: after every change each equals the signature a new reader
 * (with nothing to reuse) reads. How many relations have their columns read again depends on the
 * server-wide horizon, which any other session's open transaction holds back (re-reading more is
 * safe): here it is bounded by what the database holds and never below what a change requires;
 * the benchmark's replay section shows the saving on a quiet server.
 */
class PostgresqlSignatureTests {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final String SERVER_URL = (System.getenv("AUTOBASELINE_TEST_POSTGRES_URL") != null)
			? System.getenv("AUTOBASELINE_TEST_POSTGRES_URL") : "jdbc:postgresql://127.0.0.1:5432/postgres";

	private final List<String> databases = new ArrayList<>();

	private final List<Connection> connections = new ArrayList<>();

	private final PostgresqlSignatureReader reader = new PostgresqlSignatureReader();

	@AfterEach
	void dropDatabases() throws Exception {
		for (Connection connection : this.connections) {
			connection.close();
		}
		try (Connection admin = server(SERVER_URL); Statement statement = admin.createStatement()) {
			for (String name : this.databases) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
	}

	@Test
	void everySignatureEqualsAFreshOneAndColumnsAreReadAgainAtMostForTheDatabasesRelations() throws Exception {
		Connection connection = newDatabase();
		step(connection, "CREATE SCHEMA app", "CREATE TABLE app.book (id INTEGER PRIMARY KEY, title TEXT)",
				"CREATE TABLE loan (id INTEGER, book_id INTEGER)", "CREATE VIEW app.titles AS SELECT * FROM app.book");
		// The first read has nothing to reuse: every relation's columns.
		assertThat(this.reader.signatureColumnsRead()).isEqualTo(3);
		// Data only: at most every relation again, as many as other sessions' transactions make stale.
		assertThat(step(connection, "INSERT INTO app.book VALUES (1, 'Dune')", "INSERT INTO loan VALUES (1, 1)")
			.relations()).containsOnlyKeys("app.book", "app.titles", "public.loan");
		assertReadAgainAtLeast(0, connection);
		// A renamed column touches pg_attribute alone; the view keeps the name it was made with.
		assertThat(step(connection, "ALTER TABLE app.book RENAME COLUMN title TO name").relations().get("app.book")
			.columns()).containsExactly("id", "name");
		assertReadAgainAtLeast(1, connection);
		step(connection, "ALTER TABLE loan ADD COLUMN due DATE");
		assertReadAgainAtLeast(1, connection);
		assertThat(step(connection, "ALTER TABLE loan DROP COLUMN book_id").relations().get("public.loan").columns())
			.containsExactly("id", "due");
		assertReadAgainAtLeast(1, connection);
		// A renamed schema renames its relations without touching their rows.
		assertThat(step(connection, "ALTER SCHEMA app RENAME TO lib").relations()).containsOnlyKeys("lib.book",
				"lib.titles", "public.loan");
		assertThat(step(connection, "CREATE OR REPLACE VIEW lib.titles AS SELECT id, name AS title, 1 AS copies FROM lib.book")
			.relations().get("lib.titles").columns()).containsExactly("id", "title", "copies");
		// The same name again, with other columns and another oid.
		assertThat(step(connection, "DROP TABLE loan", "CREATE TABLE loan (member TEXT)").relations().get("public.loan")
			.columns()).containsExactly("member");
		step(connection, "ALTER TABLE lib.book RENAME TO volume", "ALTER TABLE loan ALTER COLUMN member TYPE VARCHAR(80)",
				"CREATE INDEX ON lib.volume (name)", "CREATE MATERIALIZED VIEW lib.counts AS SELECT count(*) AS n FROM lib.volume");
		assertThat(step(connection, "COMMENT ON TABLE loan IS 'no columns change'").relations().get("lib.volume").columns())
			.containsExactly("id", "name");
	}

	@Test
	void signaturesReadInsideEachMigrationsTransactionSeeTheChangesOfEarlierOnes() throws Exception {
		Connection connection = newDatabase();
		String[][] migrations = { { "CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y INTEGER)" },
				{ "ALTER TABLE a RENAME COLUMN x TO z" }, { "INSERT INTO b VALUES (1)" },
				{ "SAVEPOINT s", "ALTER TABLE b ADD COLUMN w TEXT", "RELEASE SAVEPOINT s" },
				{ "DO $$ BEGIN BEGIN ALTER TABLE a RENAME COLUMN z TO v; EXCEPTION WHEN others THEN NULL; END; END $$" },
				{ "ALTER TABLE b RENAME COLUMN y TO u" } };
		List<CatalogSnapshot> signatures = new ArrayList<>();
		for (String[] migration : migrations) {
			connection.setAutoCommit(false);
			execute(connection, migration);
			// Inside the migration's transaction, as the replay's callback reads it.
			CatalogSnapshot signature = this.reader.readSignature(connection, false, Dialect.ColumnsWanted.ALWAYS);
			assertThat(signature).isEqualTo(fresh(connection));
			signatures.add(signature);
			connection.commit();
			connection.setAutoCommit(true);
		}
		assertThat(columns(signatures.get(1), "public.a")).containsExactly("z");
		assertThat(columns(signatures.get(4), "public.a")).containsExactly("v");
		assertThat(columns(signatures.get(5), "public.b")).containsExactly("u", "w");
		// Each read that followed a change of columns read at least that relation, at most both.
		assertThat(this.reader.signatureColumnsRead()).isBetween(1, 2);
	}

	@Test
	void signaturesReadInOneTransactionAsWithFlywayGroupSeeEveryLaterChangeOfIt() throws Exception {
		Connection connection = newDatabase();
		connection.setAutoCommit(false);
		try {
			// The transaction's own id is running at every read: the horizon never passes it.
			execute(connection, "CREATE TABLE a (x INTEGER)");
			assertThat(columns(this.reader.readSignature(connection, false, Dialect.ColumnsWanted.ALWAYS), "public.a")).containsExactly("x");
			execute(connection, "ALTER TABLE a RENAME COLUMN x TO y");
			assertThat(columns(this.reader.readSignature(connection, false, Dialect.ColumnsWanted.ALWAYS), "public.a")).containsExactly("y");
			execute(connection, "ALTER TABLE a DROP COLUMN y", "ALTER TABLE a ADD COLUMN z INTEGER");
			CatalogSnapshot last = this.reader.readSignature(connection, false, Dialect.ColumnsWanted.ALWAYS);
			assertThat(columns(last, "public.a")).containsExactly("z");
			assertThat(last).isEqualTo(fresh(connection));
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

	@Test
	void aSignatureQueryPreparedOnTheServerWithAGenericPlanStillSeesEveryChange() throws Exception {
		// The driver prepares a query's text on the server after a few runs, and the server may then
		// keep one plan for every horizon: here both from the first run.
		Connection connection = newDatabase("prepareThreshold=1");
		execute(connection, "SET plan_cache_mode = force_generic_plan");
		step(connection, "CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y INTEGER)");
		String[][] changes = { { "ALTER TABLE a RENAME COLUMN x TO x1" }, { "ALTER TABLE b ADD COLUMN z TEXT" },
				{ "INSERT INTO a VALUES (1)" }, { "ALTER TABLE b DROP COLUMN y" }, { "ALTER TABLE a RENAME COLUMN x1 TO x2" },
				{ "ALTER TABLE b RENAME COLUMN z TO z1" }, { "ALTER TABLE a ADD COLUMN w INTEGER" },
				{ "ALTER TABLE a RENAME COLUMN w TO w1" } };
		for (String[] change : changes) {
			step(connection, change);
		}
		CatalogSnapshot last = this.reader.readSignature(connection, false, Dialect.ColumnsWanted.ALWAYS);
		assertThat(columns(last, "public.a")).containsExactly("x2", "w1");
		assertThat(columns(last, "public.b")).containsExactly("z1");
	}

	@Test
	void aTableThatLeavesAnExtensionIsListedWithItsColumnsAlthoughNoRowOfItChanged() throws Exception {
		Connection connection = newDatabase();
		step(connection, "CREATE EXTENSION citext", "CREATE TABLE kept (id INTEGER)", "CREATE TABLE moved (a INTEGER, b TEXT)");
		assertThat(step(connection, "ALTER EXTENSION citext ADD TABLE moved").relations()).containsOnlyKeys("public.kept");
		assertThat(step(connection, "ALTER EXTENSION citext DROP TABLE moved").relations().get("public.moved").columns())
			.containsExactly("a", "b");
	}

	@Test
	void oneReaderAlternatingBetweenDatabasesReadsEachAsItIs() throws Exception {
		Connection first = newDatabase();
		Connection second = newDatabase();
		step(first, "CREATE TABLE t (a INTEGER)");
		step(second, "CREATE TABLE t (b INTEGER)", "CREATE TABLE u (c INTEGER)");
		assertThat(step(first, "ALTER TABLE t ADD COLUMN d INTEGER").relations().get("public.t").columns())
			.containsExactly("a", "d");
		assertThat(step(second, "SELECT 1").relations().get("public.t").columns()).containsExactly("b");
	}

	@Test
	void aSignatureOfNamesOnlyIsReadWhenColumnsAreNotWantedAndLaterColumnsStillSeeEveryChange() throws Exception {
		Connection connection = newDatabase();
		step(connection, "CREATE SCHEMA app", "CREATE TYPE app.mood AS ENUM ('a')", "CREATE TABLE app.book (id INTEGER, title TEXT)",
				"CREATE VIEW app.titles AS SELECT title FROM app.book");
		execute(connection, "ALTER TABLE app.book RENAME COLUMN title TO name", "CREATE TABLE loan (id INTEGER)");
		List<CatalogSnapshot> asked = new ArrayList<>();
		CatalogSnapshot names = this.reader.readSignature(connection, true, (listed) -> {
			asked.add(listed);
			return false;
		});
		assertThat(asked).containsExactly(names);
		assertThat(names.columnsRead()).isFalse();
		assertThat(names.full()).isFalse();
		assertThat(names.relations()).containsOnlyKeys("app.book", "app.titles", "public.loan");
		assertThat(names.relations().get("app.titles").kind()).isEqualTo(Relation.Kind.VIEW);
		assertThat(names.relations().values()).allSatisfy((relation) -> assertThat(relation.columns()).isEmpty());
		assertThat(names.objects()).containsKey("type app.mood");
		// Compared with a signature holding columns, names alone differ in nothing.
		assertThat(dev.autobaseline.catalog.CatalogComparison.differences(names, fresh(connection))).isEmpty();
		// Columns read later see the rename made before the names-only read, and one made after it.
		execute(connection, "ALTER TABLE loan RENAME COLUMN id TO member_id");
		CatalogSnapshot columns = this.reader.readSignature(connection, false, (listed) -> true);
		assertThat(columns.columnsRead()).isTrue();
		assertThat(columns).isEqualTo(fresh(connection));
		assertThat(columns.relations().get("app.book").columns()).containsExactly("id", "name");
		assertThat(columns.relations().get("public.loan").columns()).containsExactly("member_id");
	}

	/**
	 * The last signature read the columns of at least as many relations as its change requires
	 * and at most every relation of the database, whatever other sessions hold open.
	 */
	private void assertReadAgainAtLeast(int required, Connection connection) throws SQLException {
		assertThat(this.reader.signatureColumnsRead()).isBetween(required, fresh(connection).relations().size());
	}

	/** Runs the statements in autocommit, then reads a signature and checks it against a fresh reader's. */
	private CatalogSnapshot step(Connection connection, String... statements) throws SQLException {
		execute(connection, statements);
		CatalogSnapshot signature = this.reader.readSignature(connection, false, Dialect.ColumnsWanted.ALWAYS);
		CatalogSnapshot fresh = fresh(connection);
		assertThat(signature).isEqualTo(fresh);
		assertThat(signature.names()).containsExactlyInAnyOrderElementsOf(fresh.names());
		for (Map.Entry<String, Relation> relation : fresh.relations().entrySet()) {
			assertThat(signature.relations().get(relation.getKey()).columns()).as(relation.getKey())
				.isEqualTo(relation.getValue().columns());
		}
		return signature;
	}

	private static CatalogSnapshot fresh(Connection connection) throws SQLException {
		return new PostgresqlSignatureReader().readSignature(connection, false, Dialect.ColumnsWanted.ALWAYS);
	}

	private static List<String> columns(CatalogSnapshot signature, String name) {
		return signature.relations().get(name).columns();
	}

	private static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private Connection newDatabase() throws SQLException {
		return newDatabase(null);
	}

	/** @param parameters connection parameters for the URL, or {@code null} */
	private Connection newDatabase(String parameters) throws SQLException {
		String name = "autobaseline_test_signature_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		try (Connection admin = server(SERVER_URL); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		this.databases.add(name);
		String url = SERVER_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
		if (parameters != null) {
			url += (url.contains("?") ? "&" : "?") + parameters;
		}
		Connection connection = server(url);
		this.connections.add(connection);
		return connection;
	}

	private static Connection server(String url) throws SQLException {
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty("user", (System.getenv("AUTOBASELINE_TEST_POSTGRES_USER") != null)
				? System.getenv("AUTOBASELINE_TEST_POSTGRES_USER") : "postgres");
		if (System.getenv("AUTOBASELINE_TEST_POSTGRES_PASSWORD") != null) {
			properties.setProperty("password", System.getenv("AUTOBASELINE_TEST_POSTGRES_PASSWORD"));
		}
		return DriverManager.getConnection(url, properties);
	}

}
