package dev.autobaseline.dialect.sqlite;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the CREATE TABLE tokenizer finds in {@code sqlite_schema.sql}: checks, collations and
 * generated columns, whatever the case, quoting, spacing and comments.
 */
class SqliteCreateTableTests {

	@Test
	void columnAndTableChecksAreFoundInCanonicalForm() {
		SqliteCreateTable table = SqliteCreateTable.parse("CREATE TABLE book (id INTEGER PRIMARY KEY,"
				+ " price NUMERIC CHECK(price>0), title TEXT, CONSTRAINT short CHECK ( length(\"Title\") < 100 ))");
		assertThat(table.checks()).containsExactly("price > 0", "length(title) < 100");
	}

	@Test
	void collationsAndGeneratedColumnsAreColumnExtras() {
		SqliteCreateTable table = SqliteCreateTable.parse("CREATE TABLE \"Book\" (\"Title\" TEXT COLLATE NOCASE,"
				+ " price REAL, twice REAL GENERATED ALWAYS AS (price * 2) STORED, half REAL AS (price/2))");
		assertThat(table.columnExtras()).containsExactlyInAnyOrderEntriesOf(Map.of("title", "collate nocase", "twice",
				"generated always as (price * 2) stored", "half", "generated always as (price / 2) virtual"));
	}

	@Test
	void statementsDifferingInCaseQuotingSpacingAndCommentsParseAlike() {
		SqliteCreateTable a = SqliteCreateTable.parse("CREATE TABLE t (a TEXT CHECK (a <> 'X'), b INT COLLATE binary)");
		SqliteCreateTable b = SqliteCreateTable.parse("create table [t] ( -- the table\n `A` text check(\"a\"<>'X') /* c */,"
				+ " b int collate BINARY\n)");
		assertThat(b).isEqualTo(a);
	}

	@Test
	void wordsInsideDefaultsAndStringsAreNotConstraints() {
		SqliteCreateTable table = SqliteCreateTable.parse(
				"CREATE TABLE t (a TEXT DEFAULT ('check (x)'), b TEXT DEFAULT (lower('AS')), c TEXT)");
		assertThat(table.checks()).isEmpty();
		assertThat(table.columnExtras()).isEmpty();
	}

	@Test
	void columnsAddedLaterAreParsedFromTheEditedStatement() {
		// ALTER TABLE ... ADD COLUMN appends the column's text to the stored statement.
		SqliteCreateTable table = SqliteCreateTable.parse(
				"CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, extra TEXT CHECK (extra <> '') COLLATE nocase)");
		assertThat(table.checks()).containsExactly("extra <> ''");
		assertThat(table.columnExtras()).containsEntry("extra", "collate nocase");
	}

	@Test
	void autoincrementIsAColumnExtra() {
		assertThat(SqliteCreateTable.parse("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)").columnExtras())
			.containsEntry("id", "autoincrement");
	}

	@Test
	void aTableCreatedFromASelectHasNoConstraints() {
		assertThat(SqliteCreateTable.parse("CREATE TABLE t AS SELECT 1 AS check_value"))
			.isEqualTo(new SqliteCreateTable(List.of(), Map.of()));
	}

}
