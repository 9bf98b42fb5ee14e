package dev.autobaseline.dialect.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.autobaseline.catalog.CatalogComparison;
import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.dialect.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQLite signature, read after every replayed migration, against the full catalog read: the
 * same relations, kinds and columns, no facts, flagged as a signature. Each schema change below is
 * one "migration" on an in-memory database, read as the replay reads it (one dialect, a signature
 * after every step, a full read now and then).
 */
class SqliteSignatureTests {

	private Connection connection;

	private final SqliteDialect dialect = new SqliteDialect();

	@BeforeEach
	void connect() throws SQLException {
		this.connection = DriverManager.getConnection("jdbc:sqlite::memory:");
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void signatureHasTheFullReadsRelationsKindsAndColumnsAfterEveryMigration() throws Exception {
		List<String[]> migrations = List.of(
				new String[] { "CREATE TABLE \"Author\" (id INTEGER PRIMARY KEY, \"Full Name\" TEXT NOT NULL, Born INTEGER)" },
				new String[] { "CREATE TABLE book (ID INTEGER PRIMARY KEY, Title TEXT, author_id INTEGER REFERENCES \"Author\","
						+ " cost NUMERIC CHECK (cost > 0), twice REAL GENERATED ALWAYS AS (cost * 2) STORED,"
						+ " half REAL AS (cost / 2) VIRTUAL, UNIQUE (title))" },
				new String[] { "CREATE TABLE tag (Name TEXT PRIMARY KEY, weight INTEGER NOT NULL) WITHOUT ROWID" },
				new String[] { "CREATE TABLE \"Order \"\"Lines\"\"\" (\"Line No\" INTEGER, QTY INTEGER, [Unit Price] REAL, `Note` TEXT)" },
				new String[] { "CREATE VIEW \"Everything\" AS SELECT * FROM book" },
				new String[] { "CREATE VIEW named (a, \"B\") AS SELECT id, title FROM book" },
				new String[] { "CREATE VIEW joined AS SELECT b.title, a.\"Full Name\", b.cost * 2 FROM book b JOIN \"Author\" a ON a.id = b.author_id" },
				new String[] { "INSERT INTO \"Author\" (id, \"Full Name\") VALUES (1, 'Ann')" },
				new String[] { "CREATE INDEX book_title ON book (lower(title))",
						"CREATE TRIGGER book_cost AFTER INSERT ON book BEGIN UPDATE book SET cost = 1 WHERE cost IS NULL; END" },
				// The view of every column follows the table although its own statement stays the same.
				new String[] { "ALTER TABLE book ADD COLUMN Extra TEXT DEFAULT 'x'" },
				new String[] { "ALTER TABLE tag RENAME COLUMN weight TO \"Heft\"" },
				new String[] { "ALTER TABLE \"Author\" DROP COLUMN Born" },
				new String[] { "ALTER TABLE \"Order \"\"Lines\"\"\" RENAME TO order_lines" },
				// A rebuild by create-copy-drop-rename: stored afterwards as CREATE TABLE "book".
				new String[] { "DROP VIEW \"Everything\"", "DROP VIEW named", "DROP VIEW joined",
						"CREATE TABLE book_new (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', extra TEXT, author_id INTEGER)",
						"INSERT INTO book_new (id, title, extra, author_id) SELECT id, coalesce(title, ''), extra, author_id FROM book",
						"DROP TABLE book", "ALTER TABLE book_new RENAME TO book", "CREATE VIEW \"Everything\" AS SELECT * FROM book" },
				// A table of the same name again, with other columns.
				new String[] { "DROP TABLE tag", "CREATE TABLE TAG (label TEXT, Book_Id INTEGER)" },
				// sqlite_stat1 is left out of both.
				new String[] { "ANALYZE" },
				// A virtual table: its hidden columns are left out, its shadow tables are tables.
				new String[] { "CREATE VIRTUAL TABLE docs USING fts5(Title, Body)" },
				new String[] { "DROP VIEW \"Everything\"", "ALTER TABLE book ADD COLUMN \"Last\" INTEGER" });
		int step = 0;
		for (String[] migration : migrations) {
			execute(migration);
			CatalogSnapshot signature = this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS);
			CatalogSnapshot full = new SqliteDialect().readCatalog(this.connection);
			assertSameSignature(signature, full, "after step " + step);
			if (step % 3 == 0) {
				// A full read between signatures (a candidate version) leaves both reads as they were.
				assertThat(this.dialect.readCatalog(this.connection)).as("full read after step " + step).isEqualTo(full);
			}
			step++;
		}
		assertThat(this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS).names()).containsExactlyInAnyOrder("author", "book",
				"order_lines", "tag", "docs", "docs_data", "docs_idx", "docs_content", "docs_docsize", "docs_config");
		assertThat(this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS).relations().get("book").columns()).containsExactly("id",
				"title", "extra", "author_id", "last");
	}

	@Test
	void namesAndStatementsHoldingTheListSeparatorsAreStillReadExactly() throws Exception {
		// The listing joins every relation into one value with char(30) and char(31) between them.
		String unit = String.valueOf((char) 31);
		String record = String.valueOf((char) 30);
		execute("CREATE TABLE \"a" + unit + "b\" (id INTEGER)", "CREATE TABLE c (id INTEGER, note TEXT DEFAULT '" + record + "')",
				"CREATE VIEW v AS SELECT * FROM c");
		assertSameSignature(this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS), new SqliteDialect().readCatalog(this.connection), "");
		execute("ALTER TABLE c ADD COLUMN extra INTEGER");
		CatalogSnapshot signature = this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS);
		assertSameSignature(signature, new SqliteDialect().readCatalog(this.connection), "after adding a column");
		assertThat(signature.relations().get("v").columns()).containsExactly("id", "note", "extra");
	}

	@Test
	void aSchemaLikeTheLastOneReadInAnotherDatabaseHasTheSameSignature() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)", "CREATE VIEW v AS SELECT * FROM book");
		CatalogSnapshot first = this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS);
		try (Connection other = DriverManager.getConnection("jdbc:sqlite::memory:");
				Statement statement = other.createStatement()) {
			statement.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)");
			statement.execute("CREATE VIEW v AS SELECT * FROM book");
			assertThat(this.dialect.readSignature(other, true, Dialect.ColumnsWanted.ALWAYS)).isEqualTo(first);
			statement.execute("ALTER TABLE book ADD COLUMN isbn TEXT");
			assertSameSignature(this.dialect.readSignature(other, true, Dialect.ColumnsWanted.ALWAYS), new SqliteDialect().readCatalog(other), "in the other database");
		}
	}

	@Test
	void signatureOfAnEmptyDatabaseIsAnEmptySignature() throws Exception {
		CatalogSnapshot signature = this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS);
		assertThat(signature.relations()).isEmpty();
		assertThat(signature.objects()).isEmpty();
		assertThat(signature.full()).isFalse();
	}

	@Test
	void aFullReadAfterASignatureStillHasItsFacts() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT CHECK (title <> ''))");
		this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS);
		CatalogSnapshot full = this.dialect.readCatalog(this.connection);
		assertThat(full.full()).isTrue();
		assertThat(full.relations().get("book").facts()).containsKeys("column id", "column title", "pk (id)",
				"check (title <> '')");
		assertThat(this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS).relations().get("book").facts()).isEmpty();
	}

	@Test
	void aSchemaChangeAfterADataOnlyMigrationIsSeen() throws Exception {
		migrate("a table", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)");
		migrate("data only", "INSERT INTO book (title) VALUES ('Dune')");
		CatalogSnapshot signature = migrate("a column", "ALTER TABLE book ADD COLUMN isbn TEXT");
		assertThat(signature.relations().get("book").columns()).containsExactly("id", "title", "isbn");
	}

	@Test
	void aStatementRewrittenThroughWritableSchemaIsSeen() throws Exception {
		// The documented way around ALTER TABLE's limits; without PRAGMA schema_version = x + 1 the
		// schema cookie stays the same, and only the statements tell the change.
		migrate("a table", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)");
		CatalogSnapshot signature = migrate("an edited statement", "PRAGMA writable_schema = ON",
				"UPDATE sqlite_master SET sql = 'CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT, isbn TEXT)'"
						+ " WHERE name = 'book'",
				"PRAGMA writable_schema = RESET");
		assertThat(signature.relations().get("book").columns()).containsExactly("id", "title", "isbn");
	}

	@Test
	void twoDatabasesReadInTurnByOneDialectEachHaveTheirOwnSignature() throws Exception {
		// A second replay, or the replay again in full, reads another database with the same dialect.
		try (Connection other = DriverManager.getConnection("jdbc:sqlite::memory:")) {
			execute(this.connection, "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)", "CREATE VIEW v AS SELECT * FROM book");
			execute(other, "CREATE TABLE book (id INTEGER PRIMARY KEY, isbn TEXT)", "CREATE VIEW v AS SELECT * FROM book");
			for (int round = 0; round < 2; round++) {
				assertSameSignature(this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS), new SqliteDialect().readCatalog(this.connection),
						"in the first database, round " + round);
				assertSameSignature(this.dialect.readSignature(other, true, Dialect.ColumnsWanted.ALWAYS), new SqliteDialect().readCatalog(other),
						"in the other database, round " + round);
			}
			execute(other, "INSERT INTO book (isbn) VALUES ('x')");
			assertThat(this.dialect.readSignature(other, true, Dialect.ColumnsWanted.ALWAYS).relations().get("v").columns()).containsExactly("id", "isbn");
			assertThat(this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS).relations().get("v").columns()).containsExactly("id", "title");
		}
	}

	@Test
	void viewsFollowTheRelationsTheyNameThroughRenamesAndRebuilds() throws Exception {
		migrate("tables and views", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)", "CREATE TABLE other (x INTEGER)",
				"CREATE VIEW everything AS SELECT * FROM book", "CREATE VIEW \"On Top\" AS SELECT * FROM everything",
				"CREATE VIEW third AS SELECT o.* FROM (SELECT * FROM \"ON TOP\") o", "CREATE VIEW unrelated AS SELECT * FROM other");
		CatalogSnapshot signature = migrate("a column, three views away", "ALTER TABLE book ADD COLUMN isbn TEXT");
		assertThat(signature.relations().get("third").columns()).containsExactly("id", "title", "isbn");
		signature = migrate("a renamed column", "ALTER TABLE book RENAME COLUMN title TO name");
		assertThat(signature.relations().get("third").columns()).containsExactly("id", "name", "isbn");
		migrate("a renamed table", "ALTER TABLE book RENAME TO books");
		signature = migrate("a table dropped and made again", "DROP TABLE books",
				"CREATE TABLE books (code TEXT PRIMARY KEY, pages INTEGER)");
		assertThat(signature.relations().get("third").columns()).containsExactly("code", "pages");
		signature = migrate("a view replaced", "DROP VIEW everything", "CREATE VIEW everything AS SELECT pages FROM books");
		assertThat(signature.relations().get("third").columns()).containsExactly("pages");
		assertThat(signature.relations().get("unrelated").columns()).containsExactly("x");
	}

	@Test
	void viewsFollowRelationsWhoseNamesHoldQuotes() throws Exception {
		migrate("tables with quotes in their names", "CREATE TABLE \"say \"\"hi\"\"\" (id INTEGER)",
				"CREATE TABLE [it's] (id INTEGER)", "CREATE TABLE \"back`tick\" (id INTEGER)",
				"CREATE VIEW a AS SELECT * FROM \"SAY \"\"HI\"\"\"", "CREATE VIEW b AS SELECT * FROM 'IT''S'",
				"CREATE VIEW c AS SELECT * FROM `back``tick`");
		CatalogSnapshot signature = migrate("a column each", "ALTER TABLE \"say \"\"hi\"\"\" ADD COLUMN one TEXT",
				"ALTER TABLE [it's] ADD COLUMN two TEXT", "ALTER TABLE \"back`tick\" ADD COLUMN three TEXT");
		assertThat(signature.relations().get("a").columns()).containsExactly("id", "one");
		assertThat(signature.relations().get("b").columns()).containsExactly("id", "two");
		assertThat(signature.relations().get("c").columns()).containsExactly("id", "three");
	}

	@Test
	void viewsFollowTablesWhenAMigrationChangesHundredsOfThem() throws Exception {
		String[] tables = new String[150];
		String[] columns = new String[150];
		for (int i = 0; i < tables.length; i++) {
			tables[i] = "CREATE TABLE t" + i + " (id INTEGER)";
			columns[i] = "ALTER TABLE t" + i + " ADD COLUMN c" + i + " TEXT";
		}
		migrate("many tables", tables);
		migrate("views", "CREATE VIEW first AS SELECT * FROM t0", "CREATE VIEW last AS SELECT * FROM t149");
		CatalogSnapshot signature = migrate("a column in every table", columns);
		assertThat(signature.relations().get("last").columns()).containsExactly("id", "c149");
	}

	@Test
	void aTemporaryTableOfTheSameNameDoesNotStandInForTheTableOfMain() throws Exception {
		// A migration may leave a TEMP table on the replay's connection; main's catalog is what counts.
		String[] schema = { "CREATE TABLE u (x INTEGER PRIMARY KEY)", "CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT REFERENCES u (x))",
				"CREATE INDEX t_b ON t (b)" };
		execute(this.connection, schema);
		execute(this.connection, "CREATE TEMP TABLE t (p INTEGER, q INTEGER, r INTEGER)", "CREATE TEMP TABLE u (y INTEGER)",
				"CREATE INDEX temp.t_q ON t (q)");
		CatalogSnapshot signature = this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS);
		CatalogSnapshot full = new SqliteDialect().readCatalog(this.connection);
		try (Connection plain = DriverManager.getConnection("jdbc:sqlite::memory:")) {
			execute(plain, schema);
			CatalogSnapshot expected = new SqliteDialect().readCatalog(plain);
			assertThat(full).isEqualTo(expected);
			assertThat(signature.relations().get("t").columns()).containsExactly("a", "b");
			assertSameSignature(signature, expected, "beside temporary tables");
		}
	}

	/** Runs one "migration", then checks the signature against a full read by another dialect. */
	private CatalogSnapshot migrate(String name, String... statements) throws SQLException {
		execute(this.connection, statements);
		CatalogSnapshot signature = this.dialect.readSignature(this.connection, true, Dialect.ColumnsWanted.ALWAYS);
		assertSameSignature(signature, new SqliteDialect().readCatalog(this.connection), "after " + name);
		return signature;
	}

	private static void assertSameSignature(CatalogSnapshot signature, CatalogSnapshot full, String when) {
		assertThat(signature.full()).as("flagged as a signature " + when).isFalse();
		assertThat(signature.objects()).as("objects " + when).isEmpty();
		assertThat(signature.relations().values()).as("facts " + when).allSatisfy((relation) -> assertThat(relation.facts()).isEmpty());
		assertThat(shape(signature)).as("names, kinds and columns " + when).isEqualTo(shape(full));
		assertThat(CatalogComparison.differences(signature, full)).as("differences " + when).isEmpty();
	}

	/** Each relation by key, as its name, kind and columns. */
	private static Map<String, List<Object>> shape(CatalogSnapshot snapshot) {
		Map<String, List<Object>> shape = new LinkedHashMap<>();
		for (Map.Entry<String, Relation> entry : snapshot.relations().entrySet()) {
			Relation relation = entry.getValue();
			shape.put(entry.getKey(), List.of(relation.name(), relation.kind(), relation.columns()));
		}
		return shape;
	}

	private void execute(String... statements) throws SQLException {
		execute(this.connection, statements);
	}

	private static void execute(Connection connection, String... statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
