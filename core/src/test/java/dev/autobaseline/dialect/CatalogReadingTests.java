package dev.autobaseline.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a catalog again on the same dialect (as the replay does after every migration) skips
 * unchanged relations: every change must still be seen, each read must equal a fresh dialect's,
 * and unchanged relations are shared between reads. Written once, run on every engine.
 */
abstract class CatalogReadingTests {

	Connection connection;

	Dialect dialect;

	abstract Connection connect() throws Exception;

	abstract Dialect newDialect();

	/** The snapshot key of a table in the default schema. */
	abstract String key(String table);

	@BeforeEach
	void openConnection() throws Exception {
		this.connection = connect();
		this.dialect = newDialect();
	}

	@AfterEach
	void closeConnection() throws Exception {
		this.connection.close();
	}

	@Test
	void addedDroppedAndRenamedColumnsAreSeen() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(100))");
		assertColumns("book", "id", "title");
		execute("ALTER TABLE book ADD COLUMN isbn VARCHAR(13)");
		assertColumns("book", "id", "title", "isbn");
		execute("ALTER TABLE book RENAME COLUMN isbn TO ean");
		assertColumns("book", "id", "title", "ean");
		execute("ALTER TABLE book DROP COLUMN title");
		assertColumns("book", "id", "ean");
	}

	@Test
	void renamedAndDroppedTablesAreSeen() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY)", "CREATE TABLE loan (id INTEGER PRIMARY KEY)");
		assertThat(read().names()).containsExactlyInAnyOrder(key("book"), key("loan"));
		execute("ALTER TABLE book RENAME TO novel");
		assertThat(read().names()).containsExactlyInAnyOrder(key("novel"), key("loan"));
		assertColumns("novel", "id");
		execute("DROP TABLE loan");
		assertThat(read().names()).containsExactly(key("novel"));
	}

	@Test
	void replacedViewsAreSeen() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(100))",
				"CREATE VIEW titles AS SELECT id FROM book");
		assertColumns("titles", "id");
		execute("DROP VIEW titles", "CREATE VIEW titles AS SELECT id, title FROM book");
		assertColumns("titles", "id", "title");
		assertThat(read().relations().get(key("titles")).kind()).isEqualTo(Relation.Kind.VIEW);
	}

	@Test
	void aTableReplacedByAViewOfTheSameNameIsSeen() throws Exception {
		execute("CREATE TABLE base (id INTEGER PRIMARY KEY)", "CREATE TABLE book (id INTEGER PRIMARY KEY)");
		assertThat(read().relations().get(key("book")).kind()).isEqualTo(Relation.Kind.TABLE);
		execute("DROP TABLE book", "CREATE VIEW book AS SELECT id FROM base");
		assertThat(read().relations().get(key("book")).kind()).isEqualTo(Relation.Kind.VIEW);
	}

	@Test
	void unchangedRelationsAreTheSameInstancesFromReadToRead() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY)", "CREATE TABLE author (id INTEGER PRIMARY KEY)");
		CatalogSnapshot first = read();
		execute("ALTER TABLE author ADD COLUMN name VARCHAR(100)", "CREATE TABLE loan (id INTEGER PRIMARY KEY)");
		CatalogSnapshot second = read();
		assertThat(second.relations().get(key("book"))).isSameAs(first.relations().get(key("book")));
		assertThat(second.relations().get(key("author"))).isNotEqualTo(first.relations().get(key("author")));
	}

	@Test
	void everyReadEqualsAFreshDialectsRead() throws Exception {
		String[][] steps = { { "CREATE TABLE a (id INTEGER PRIMARY KEY, x VARCHAR(10))" },
				{ "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id))" },
				{ "CREATE INDEX b_a ON b (a_id)" }, { "ALTER TABLE a ADD COLUMN y INTEGER" },
				{ "CREATE VIEW v AS SELECT id, x FROM a" }, { "INSERT INTO a (id, x) VALUES (1, 'one')" },
				{ "ALTER TABLE b RENAME TO c" }, { "DROP VIEW v", "CREATE VIEW v AS SELECT id FROM c" },
				{ "ALTER TABLE a DROP COLUMN x" }, { "DROP VIEW v", "DROP TABLE c" },
				{ "CREATE TABLE d (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id))" },
				{ "ALTER TABLE a RENAME COLUMN id TO key" }, { "ALTER TABLE a RENAME TO e" },
				{ "CREATE UNIQUE INDEX d_a ON d (a_id)" }, { "DROP INDEX d_a", "CREATE INDEX d_a ON d (a_id, id)" } };
		for (String[] step : steps) {
			execute(step);
			assertThat(read()).as(String.join("; ", step)).isEqualTo(newDialect().readCatalog(this.connection, schemas()));
		}
	}

	@Test
	void indexesAddedAndDroppedOnAnUnchangedTableAreSeen() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(100))");
		assertThat(indexes("book")).isEmpty();
		execute("CREATE INDEX book_title ON book (title)");
		assertThat(indexes("book")).hasSize(1);
		execute("DROP INDEX book_title", "CREATE INDEX other_name ON book (title)");
		assertThat(indexes("book")).hasSize(1);
		execute("DROP INDEX other_name");
		assertThat(indexes("book")).isEmpty();
	}

	@Test
	void engineGeneratedNamesDoNotMakeEqualTablesDiffer() throws Exception {
		execute("CREATE TABLE author (id INTEGER PRIMARY KEY)",
				"CREATE TABLE a (id INTEGER PRIMARY KEY, code VARCHAR(10) UNIQUE, author_id INTEGER REFERENCES author (id), CHECK (id > 0))",
				"CREATE INDEX a_code_one ON a (author_id)");
		Relation first = read().relations().get(key("a"));
		execute("DROP TABLE a",
				"CREATE TABLE a (id INTEGER, code VARCHAR(10), author_id INTEGER, CONSTRAINT my_pk PRIMARY KEY (id),"
						+ " CONSTRAINT my_unique UNIQUE (code), CONSTRAINT my_fk FOREIGN KEY (author_id) REFERENCES author (id),"
						+ " CONSTRAINT my_check CHECK (id > 0))",
				"CREATE INDEX a_code_two ON a (author_id)");
		Relation second = newDialect().readCatalog(this.connection, schemas()).relations().get(key("a"));
		assertThat(second.facts()).isEqualTo(first.facts());
		assertThat(first.facts().keySet()).hasSize(8);
	}

	java.util.Set<String> indexes(String table) throws SQLException {
		java.util.Set<String> indexes = new java.util.TreeSet<>(read().relations().get(key(table)).facts().keySet());
		indexes.removeIf((fact) -> !fact.startsWith("index "));
		assertThat(read()).isEqualTo(newDialect().readCatalog(this.connection, schemas()));
		return indexes;
	}

	@Test
	void oneDialectReadingTwoDatabasesKeepsThemApart() throws Exception {
		execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(100))");
		read();
		try (Connection other = connect(); Statement statement = other.createStatement()) {
			statement.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, isbn VARCHAR(13))");
			CatalogSnapshot snapshot = this.dialect.readCatalog(other, schemas());
			assertThat(snapshot.relations().get(key("book")).columns()).containsExactly("id", "isbn");
		}
		assertColumns("book", "id", "title");
	}

	List<String> schemas() {
		return null;
	}

	CatalogSnapshot read() throws SQLException {
		return this.dialect.readCatalog(this.connection, schemas());
	}

	void assertColumns(String table, String... columns) throws SQLException {
		assertThat(read().relations().get(key(table)).columns()).containsExactly(columns);
	}

	void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
