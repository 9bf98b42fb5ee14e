package dev.autobaseline.dialect;

import java.sql.Connection;
import java.sql.DriverManager;

import dev.autobaseline.catalog.Relation;
import dev.autobaseline.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog reading on in-memory SQLite databases, as the replay's shadow.
 */
class SqliteCatalogReadingTests extends CatalogReadingTests {

	@Override
	Connection connect() throws Exception {
		return DriverManager.getConnection("jdbc:sqlite::memory:");
	}

	@Override
	Dialect newDialect() {
		return new SqliteDialect();
	}

	@Override
	String key(String table) {
		return table;
	}

	@Test
	void anotherApplicationsHistoryIsFoundInMainWhateverTemporaryTablesTheConnectionHolds() throws Exception {
		// A pooled connection may carry TEMP tables; SQLite looks a bare name up in temp first.
		String shape = "(installed_rank INTEGER, version TEXT, description TEXT, type TEXT, script TEXT,"
				+ " checksum INTEGER, installed_by TEXT, installed_on TEXT, execution_time INTEGER, success INTEGER)";
		String row = " VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 0, 'app', '2026-01-01', 1, 1)";
		execute("CREATE TABLE billing_history " + shape, "INSERT INTO billing_history" + row, "CREATE TABLE invoice (id INTEGER)",
				"INSERT INTO invoice VALUES (1)", "CREATE TEMP TABLE billing_history (x INTEGER)",
				"CREATE TEMP TABLE invoice " + shape, "INSERT INTO temp.invoice" + row);
		assertThat(this.dialect.otherHistoryTables(this.connection, "main", "flyway_schema_history"))
			.containsExactly(key("billing_history"));
		execute("DELETE FROM main.billing_history");
		// Emptied, main's history no longer counts, though the TEMP table of its name now has a row.
		execute("INSERT INTO temp.billing_history VALUES (1)");
		assertThat(this.dialect.otherHistoryTables(this.connection, "main", "flyway_schema_history")).isEmpty();
	}

	@Test
	void aViewOfEveryColumnFollowsItsTableUnchanged() throws Exception {
		// SQLite expands SELECT * when the view is used: its statement stays the same, its columns do not.
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY)", "CREATE VIEW everything AS SELECT * FROM book");
		assertColumns("everything", "id");
		execute("ALTER TABLE book ADD COLUMN title VARCHAR(100)");
		assertColumns("everything", "id", "title");
	}

	@Test
	void namesAndStatementsHoldingTheListSeparatorsAreStillReadExactly() throws Exception {
		// The listing joins every relation into one value with char(30) and char(31) between them.
		String unit = String.valueOf((char) 31);
		String record = String.valueOf((char) 30);
		execute("CREATE TABLE \"a" + unit + "b\" (id INTEGER)",
				"CREATE TABLE c (id INTEGER, note TEXT DEFAULT '" + record + "')", "CREATE TABLE d (id INTEGER)");
		assertThat(read().names()).containsExactlyInAnyOrder("a" + unit + "b", "c", "d");
		assertColumns("c", "id", "note");
		execute("ALTER TABLE c ADD COLUMN extra INTEGER");
		assertColumns("c", "id", "note", "extra");
		assertThat(read()).isEqualTo(newDialect().readCatalog(this.connection, schemas()));
	}

	@Test
	void factsOfAFullSnapshotAreKeyedByWhatTheyAre() throws Exception {
		execute("CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(200) NOT NULL DEFAULT 'x' COLLATE NOCASE)",
				"CREATE TABLE \"Book\" (id bigint NOT NULL, title TEXT, author_id INTEGER REFERENCES author ON DELETE CASCADE,"
						+ " cost NUMERIC CHECK(cost>0), twice REAL GENERATED ALWAYS AS (cost*2) STORED, made DATETIME DEFAULT (datetime('now')),"
						+ " PRIMARY KEY (id), UNIQUE (title, cost), CONSTRAINT c1 CHECK (length(title) < 100) -- note\n)",
				"CREATE INDEX idx ON book (lower(title)) WHERE cost > 10", "CREATE UNIQUE INDEX book_x ON Book (author_id DESC)",
				"CREATE TRIGGER t AFTER INSERT ON book BEGIN UPDATE book SET cost = 1; END",
				"CREATE VIEW v AS SELECT id, title FROM book WHERE cost > 0",
				"ALTER TABLE book ADD COLUMN extra TEXT CHECK (extra <> '')");
		dev.autobaseline.catalog.CatalogSnapshot snapshot = read();
		assertThat(snapshot.relations().get("author").facts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
				"column id", "integer null autoincrement", "column name", "text not null default 'x' collate nocase",
				"pk (id)", ""));
		assertThat(snapshot.relations().get("book").columns()).containsExactly("id", "title", "author_id", "cost", "twice",
				"made", "extra");
		assertThat(snapshot.relations().get("book").facts()).containsExactlyInAnyOrderEntriesOf(java.util.Map.ofEntries(
				java.util.Map.entry("column id", "integer not null"), java.util.Map.entry("column title", "text null"),
				java.util.Map.entry("column author_id", "integer null"), java.util.Map.entry("column cost", "numeric null"),
				java.util.Map.entry("column twice", "real null generated always as (cost * 2) stored"),
				java.util.Map.entry("column made", "numeric null default datetime('now')"),
				java.util.Map.entry("column extra", "text null"), java.util.Map.entry("pk (id)", ""),
				java.util.Map.entry("unique (title, cost)", ""), java.util.Map.entry("check (cost > 0)", ""),
				java.util.Map.entry("check (length(title) < 100)", ""), java.util.Map.entry("check (extra <> '')", ""),
				java.util.Map.entry("fk (author_id) -> author(id) on delete cascade", ""),
				java.util.Map.entry("index (lower(title)) where cost > 10", ""),
				java.util.Map.entry("index unique (author_id desc)", ""),
				java.util.Map.entry("trigger t", "create trigger t after insert on book begin update book set cost = 1 ; end")));
		assertThat(snapshot.relations().get("v").facts()).containsEntry("definition", "select id, title from book where cost > 0");
	}

	@Test
	void aTableRebuiltByCreateCopyDropRenameHasTheFactsOfOneCreatedDirectly() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL CHECK (title <> ''))");
		Relation direct = read().relations().get("book");
		execute("CREATE TABLE \"book_new\" (id INTEGER PRIMARY KEY, title TEXT NOT NULL CHECK (title <> ''))",
				"INSERT INTO book_new SELECT * FROM book", "DROP TABLE book", "ALTER TABLE book_new RENAME TO book");
		assertThat(read().relations().get("book").facts()).isEqualTo(direct.facts());
	}

	@Test
	void aTriggerAddedToAnUnchangedTableIsSeen() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, n INTEGER)");
		assertThat(read().relations().get("book").facts()).doesNotContainKey("trigger t");
		execute("CREATE TRIGGER t AFTER INSERT ON BOOK BEGIN UPDATE book SET n = 1; END");
		assertThat(read().relations().get("book").facts()).containsKey("trigger t");
	}

	@Test
	void namesDifferingOnlyInCaseAreOneRelationInLowerCase() throws Exception {
		execute("CREATE TABLE Book (Id INTEGER PRIMARY KEY)");
		assertThat(read().names()).containsExactly("book");
		assertColumns("book", "id");
	}

}
