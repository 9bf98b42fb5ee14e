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
			CatalogSnapshot signature = this.dialect.readSignature(this.connection, true);
			CatalogSnapshot full = new SqliteDialect().readCatalog(this.connection);
			assertSameSignature(signature, full, "after step " + step);
			if (step % 3 == 0) {
				// A full read between signatures (a candidate version) leaves both reads as they were.
				assertThat(this.dialect.readCatalog(this.connection)).as("full read after step " + step).isEqualTo(full);
			}
			step++;
		}
		assertThat(this.dialect.readSignature(this.connection, true).names()).containsExactlyInAnyOrder("author", "book",
				"order_lines", "tag", "docs", "docs_data", "docs_idx", "docs_content", "docs_docsize", "docs_config");
		assertThat(this.dialect.readSignature(this.connection, true).relations().get("book").columns()).containsExactly("id",
				"title", "extra", "author_id", "last");
	}

	@Test
	void namesAndStatementsHoldingTheListSeparatorsAreStillReadExactly() throws Exception {
		// The listing joins every relation into one value with char(30) and char(31) between them.
		String unit = String.valueOf((char) 31);
		String record = String.valueOf((char) 30);
		execute("CREATE TABLE \"a" + unit + "b\" (id INTEGER)", "CREATE TABLE c (id INTEGER, note TEXT DEFAULT '" + record + "')",
				"CREATE VIEW v AS SELECT * FROM c");
		assertSameSignature(this.dialect.readSignature(this.connection, true), new SqliteDialect().readCatalog(this.connection), "");
		execute("ALTER TABLE c ADD COLUMN extra INTEGER");
		CatalogSnapshot signature = this.dialect.readSignature(this.connection, true);
		assertSameSignature(signature, new SqliteDialect().readCatalog(this.connection), "after adding a column");
		assertThat(signature.relations().get("v").columns()).containsExactly("id", "note", "extra");
	}

	@Test
	void aSchemaLikeTheLastOneReadInAnotherDatabaseHasTheSameSignature() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)", "CREATE VIEW v AS SELECT * FROM book");
		CatalogSnapshot first = this.dialect.readSignature(this.connection, true);
		try (Connection other = DriverManager.getConnection("jdbc:sqlite::memory:");
				Statement statement = other.createStatement()) {
			statement.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)");
			statement.execute("CREATE VIEW v AS SELECT * FROM book");
			assertThat(this.dialect.readSignature(other, true)).isEqualTo(first);
			statement.execute("ALTER TABLE book ADD COLUMN isbn TEXT");
			assertSameSignature(this.dialect.readSignature(other, true), new SqliteDialect().readCatalog(other), "in the other database");
		}
	}

	@Test
	void signatureOfAnEmptyDatabaseIsAnEmptySignature() throws Exception {
		CatalogSnapshot signature = this.dialect.readSignature(this.connection, true);
		assertThat(signature.relations()).isEmpty();
		assertThat(signature.objects()).isEmpty();
		assertThat(signature.full()).isFalse();
	}

	@Test
	void aFullReadAfterASignatureStillHasItsFacts() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT CHECK (title <> ''))");
		this.dialect.readSignature(this.connection, true);
		CatalogSnapshot full = this.dialect.readCatalog(this.connection);
		assertThat(full.full()).isTrue();
		assertThat(full.relations().get("book").facts()).containsKeys("column id", "column title", "pk (id)",
				"check (title <> '')");
		assertThat(this.dialect.readSignature(this.connection, true).relations().get("book").facts()).isEmpty();
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
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
