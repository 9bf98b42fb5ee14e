package dev.autobaseline.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoption scenarios on SQLite files.
 */
class SqliteAdoptionTests extends AdoptionScenarios {

	@Override
	TestDatabase createDatabase(Path folder) {
		return new SqliteTestDatabase(folder);
	}

	@Override
	String relation(String name) {
		return name;
	}

	@Override
	void createOrmSchema() throws Exception {
		// SQLAlchemy create_all: NOT NULL primary keys as table constraints, VARCHAR, ix_ index names, model column order.
		this.database.execute("CREATE TABLE author (\n\tid INTEGER NOT NULL, \n\tname VARCHAR NOT NULL, \n\tPRIMARY KEY (id)\n)",
				"CREATE TABLE book (\n\tid INTEGER NOT NULL, \n\tauthor_id INTEGER, \n\ttitle VARCHAR NOT NULL, \n\tisbn VARCHAR(20), "
						+ "\n\tPRIMARY KEY (id), \n\tFOREIGN KEY(author_id) REFERENCES author (id)\n)",
				"CREATE INDEX ix_book_isbn ON book (isbn)",
				"INSERT INTO author VALUES (1, 'Ursula')", "INSERT INTO book (id, author_id, title) VALUES (10, 1, 'Earthsea')");
	}

	@Override
	List<String> ormDifferences() {
		// Types compare by affinity (VARCHAR is text); an INTEGER PRIMARY KEY column is nullable in SQLite's catalog.
		return List.of(
				"column author.id is integer null in the migrations up to V2 but integer not null in the database",
				"column book.id is integer null in the migrations up to V2 but integer not null in the database");
	}

	@Override
	List<String> typedLibraryMigrations() {
		return List.of("V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);",
				"V2__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY AUTOINCREMENT, author_id INTEGER NOT NULL"
						+ " REFERENCES author (id), title TEXT NOT NULL, isbn TEXT UNIQUE);",
				"V3__create_loan.sql", "CREATE TABLE loan (id INTEGER PRIMARY KEY AUTOINCREMENT, book_id INTEGER NOT NULL"
						+ " REFERENCES book (id), lent_on DATE NOT NULL DEFAULT CURRENT_DATE);",
				"V4__add_book_genre.sql", "ALTER TABLE book ADD COLUMN genre TEXT NOT NULL DEFAULT 'FICTION';",
				"V5__genre_kind.sql", "CREATE TABLE book_new (id INTEGER PRIMARY KEY AUTOINCREMENT, author_id INTEGER NOT NULL"
						+ " REFERENCES author (id), title TEXT NOT NULL, isbn TEXT UNIQUE, genre TEXT NOT NULL DEFAULT 'FICTION'"
						+ " CHECK (genre IN ('FICTION', 'NON_FICTION')));\n"
						+ "INSERT INTO book_new SELECT id, author_id, title, isbn, genre FROM book;\n"
						+ "DROP TABLE book;\nALTER TABLE book_new RENAME TO book;",
				"V6__create_member.sql", "CREATE TABLE member (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);");
	}

	@Override
	void createOrmTypedLibraryAtV4() throws Exception {
		// Hibernate's SQLite dialect: keys as table constraints, varchar(255), inline foreign keys, the enum as a checked varchar.
		this.database.execute("create table author (id integer, name varchar(255) not null, primary key (id))",
				"create table book (author_id bigint not null, id integer, genre varchar(255) not null"
						+ " check (genre in ('FICTION','NON_FICTION')), isbn varchar(255) unique, title varchar(255) not null,"
						+ " primary key (id), foreign key (author_id) references author)",
				"create table loan (lent_on date not null, book_id bigint not null, id integer, primary key (id),"
						+ " foreign key (book_id) references book)",
				"insert into author (name) values ('Ursula')",
				"insert into book (author_id, genre, title) values (1, 'FICTION', 'Earthsea')",
				"insert into loan (book_id, lent_on) values (1, '2024-05-01')");
	}

	@Override
	String ormTypedLibraryClosest() {
		return "V5";
	}

	@Override
	List<String> ormTypedLibraryDifferences() {
		// SQLite has no enum type: V5's check is the ORM's, and V5 is read in full like any version with the same columns.
		return List.of(
				"column author.id is integer null autoincrement in the migrations up to V5 but integer null in the database",
				"column book.genre is text not null default 'FICTION' in the migrations up to V5 but text not null in the database",
				"column book.id is integer null autoincrement in the migrations up to V5 but integer null in the database",
				"column loan.id is integer null autoincrement in the migrations up to V5 but integer null in the database",
				"column loan.lent_on is numeric not null default current_date in the migrations up to V5 but numeric not null in the database");
	}

	@Test
	void statisticsTableAloneIsAdoptedBelowTheFirstVersion() throws Exception {
		// Flyway calls a schema holding only sqlite_stat1 non-empty; the starter leaves sqlite_% tables out.
		this.database.execute("CREATE TABLE scratch (a INTEGER)", "CREATE INDEX scratch_a ON scratch (a)",
				"INSERT INTO scratch VALUES (1), (2)", "ANALYZE", "DROP TABLE scratch");
		assertThat(this.database.rows("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")).hasSize(1);
		assertAdoptedAtCurrentState("0:BASELINE:ok", "1:SQL:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void attachInAReplayedMigrationCannotWriteAFile() throws Exception {
		Path leak = this.temp.resolve("leak.db");
		Path folder = LibraryMigrations.write(this.temp.resolve("attach"),
				List.of("V1__attach.sql", "ATTACH DATABASE '" + leak + "' AS leak;\nCREATE TABLE leak.x (a INTEGER);\n"));
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("spring.flyway.locations=filesystem:" + folder).run((context) -> assertThat(context).hasFailed());
		assertThat(leak).doesNotExist();
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	private void assertAdoptedAtCurrentState(String... history) throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		assertThat(this.database.history()).containsExactly(history);
	}

	@Test
	void walDatabaseKeepsSchemaAndRowsInDryRun() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("PRAGMA journal_mode=WAL");
		List<String> schema = this.database.rows("SELECT type, name, sql FROM sqlite_master ORDER BY name");
		List<String> rows = LibraryMigrations.libraryRows(this.database);
		boot("autobaseline.dry-run=true").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.rows("SELECT type, name, sql FROM sqlite_master ORDER BY name")).isEqualTo(schema);
		assertThat(LibraryMigrations.libraryRows(this.database)).isEqualTo(rows);
		assertThat(Files.exists(this.temp.resolve("live.db"))).isTrue();
	}

	@Test
	void dryRunOnAFileThatDoesNotExistReportsEmptyAndCreatesNothing() {
		boot("autobaseline.dry-run=true").run((context) -> {
			assertThat(report(context).state()).isEqualTo(dev.autobaseline.engine.SchemaState.EMPTY);
			assertThat(report(context).dryRun()).isTrue();
		});
		assertThat(Files.exists(this.temp.resolve("live.db"))).isFalse();
	}

	@Test
	void debugShowsEachComparison(CapturedOutput output) throws Exception {
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("dev.autobaseline.engine.Evidence");
		ch.qos.logback.classic.Level before = logger.getLevel();
		logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
		try {
			LibraryMigrations.legacyAt(this.database, 2);
			boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		}
		finally {
			logger.setLevel(before);
		}
		assertThat(output).contains("compared V2 with the database: candidate at columns, 0 differences",
				"compared V3 (signature: tables and columns) with the database: no match at columns",
				"replayed 5 versions; read the full catalog of 1 (those that could match at columns), a signature of the others");
	}

}
