package dev.autobaseline.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small library application's migrations, in SQL both engines run, and its legacy databases:
 * the same DDL run by hand up to some version, with rows.
 */
final class LibraryMigrations {

	static final List<String> SCRIPTS = List.of(
			"V1__create_author_and_book.sql",
			"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL);\n"
					+ "CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL,"
					+ " author_id INTEGER REFERENCES author (id));\n",
			"V2__add_book_isbn.sql", "ALTER TABLE book ADD COLUMN isbn VARCHAR(20);\n",
			"V3__create_loan.sql",
			"CREATE TABLE loan (id INTEGER PRIMARY KEY, book_id INTEGER NOT NULL REFERENCES book (id),"
					+ " borrowed_on DATE NOT NULL);\n",
			"V4__backfill_isbn.sql", "UPDATE book SET isbn = 'unknown' WHERE isbn IS NULL;\n",
			"V5__create_member.sql",
			"CREATE TABLE member (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL);\n"
					+ "ALTER TABLE loan ADD COLUMN member_id INTEGER REFERENCES member (id);\n");

	/** Rows a legacy application inserted once the schema was at the version (index = version). */
	private static final List<String> ROWS = List.of("",
			"INSERT INTO author (id, name) VALUES (1, 'Ursula'), (2, 'Terry');"
					+ "INSERT INTO book (id, title, author_id) VALUES (10, 'Earthsea', 1), (11, 'Mort', 2)",
			"INSERT INTO book (id, title, author_id, isbn) VALUES (12, 'Guards!', 2, '0575')",
			"INSERT INTO loan (id, book_id, borrowed_on) VALUES (100, 10, '2024-05-01')", "",
			"INSERT INTO member (id, name) VALUES (7, 'Ada'); UPDATE loan SET member_id = 7");

	private LibraryMigrations() {
	}

	static Path write(Path folder) throws IOException {
		return write(folder, SCRIPTS);
	}

	static Path write(Path folder, List<String> namesAndScripts) throws IOException {
		Files.createDirectories(folder);
		for (int i = 0; i < namesAndScripts.size(); i += 2) {
			Files.writeString(folder.resolve(namesAndScripts.get(i)), namesAndScripts.get(i + 1));
		}
		return folder;
	}

	/** Builds the legacy database of a release that ran the DDL up to the version by hand. */
	static void legacyAt(TestDatabase database, int version) throws Exception {
		for (int v = 1; v <= version; v++) {
			database.execute(SCRIPTS.get(2 * (v - 1) + 1), ROWS.get(v));
		}
	}

	/** The rows of the application's tables, to compare before and after. */
	static List<String> libraryRows(TestDatabase database) throws Exception {
		List<String> rows = new java.util.ArrayList<>();
		rows.addAll(database.rows("SELECT id, name FROM author ORDER BY id"));
		rows.addAll(database.rows("SELECT id, title, author_id FROM book ORDER BY id"));
		return rows;
	}

}
