package dev.autobaseline.dialect;

import java.sql.Connection;
import java.sql.DriverManager;

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
	void namesDifferingOnlyInCaseAreOneRelationInLowerCase() throws Exception {
		execute("CREATE TABLE Book (Id INTEGER PRIMARY KEY)");
		assertThat(read().names()).containsExactly("book");
		assertColumns("book", "id");
	}

}
