package dev.autobaseline.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Someone else's migrations (a lending library), handed to the sample app as a
 * migration job: the job must neither know nor care that they are not its own.
 * The SQL runs unchanged on SQLite, PostgreSQL and MariaDB. Legacy databases are built
 * the way an application without Flyway built them: the same DDL, run by hand.
 */
final class LibraryMigrations {

	static final List<String> FILE_NAMES = List.of("V1__create_author.sql", "V2__create_book.sql",
			"V3__add_isbn_to_book.sql", "V4__create_loan.sql");

	private static final String V1 = "CREATE TABLE author (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)";

	private static final String V2 = "CREATE TABLE book (id INTEGER NOT NULL PRIMARY KEY, "
			+ "author_id INTEGER NOT NULL REFERENCES author (id), title VARCHAR(200) NOT NULL)";

	private static final String V3 = "ALTER TABLE book ADD COLUMN isbn VARCHAR(17)";

	private static final String V4 = "CREATE TABLE loan (book_id INTEGER NOT NULL REFERENCES book (id), "
			+ "borrower VARCHAR(100) NOT NULL, lent_on DATE NOT NULL)";

	private static final List<String> DDL = List.of(V1, V2, V3, V4);

	static final int LATEST = DDL.size();

	static final List<String> AUTHORS = List.of("Ursula K. Le Guin", "Terry Pratchett");

	static final List<String> TITLES = List.of("A Wizard of Earthsea", "Small Gods");

	private LibraryMigrations() {
	}

	/** Writes V1..V4 into {@code directory} and returns it. */
	static Path writeTo(Path directory) throws IOException {
		Files.createDirectories(directory);
		for (int i = 0; i < DDL.size(); i++) {
			Files.writeString(directory.resolve(FILE_NAMES.get(i)), DDL.get(i) + ";\n");
		}
		return directory;
	}

	/** The schema V1..{@code version} produce, made without Flyway, with rows in it. */
	static void buildLegacyDatabase(Connection connection, int version) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String ddl : DDL.subList(0, version)) {
				statement.execute(ddl);
			}
			insertRows(statement, version);
		}
	}

	/** V2's schema, except that {@code author} has a column no migration creates. */
	static void buildDatabaseWithExtraColumn(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(V1.replace("name VARCHAR(100) NOT NULL", "name VARCHAR(100) NOT NULL, nickname VARCHAR(50)"));
			statement.execute(V2);
			insertRows(statement, 2);
		}
	}

	/** A {@code book} table no version has: V3's isbn column but no title. */
	static void buildDatabaseMatchingNoVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(V1);
			statement.execute("CREATE TABLE book (id INTEGER NOT NULL PRIMARY KEY, "
					+ "author_id INTEGER NOT NULL REFERENCES author (id), isbn VARCHAR(17))");
			statement.execute("INSERT INTO author (id, name) VALUES (1, 'Ursula K. Le Guin')");
			statement.execute("INSERT INTO book (id, author_id, isbn) VALUES (10, 1, '978-0-553-38304-0')");
		}
	}

	private static void insertRows(Statement statement, int version) throws SQLException {
		statement.execute("INSERT INTO author (id, name) VALUES (1, '" + AUTHORS.get(0) + "'), (2, '"
				+ AUTHORS.get(1) + "')");
		if (version >= 2) {
			statement.execute("INSERT INTO book (id, author_id, title) VALUES (10, 1, '" + TITLES.get(0)
					+ "'), (11, 2, '" + TITLES.get(1) + "')");
		}
		if (version >= 3) {
			statement.execute("UPDATE book SET isbn = '978-0-553-38304-0' WHERE id = 10");
		}
		if (version >= 4) {
			statement.execute("INSERT INTO loan (book_id, borrower, lent_on) VALUES (11, 'Sam', '2024-05-01')");
		}
	}

}
