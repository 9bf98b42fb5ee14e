package dev.autobaseline.scenario;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.engine.AdoptionReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety promises on SQLite files: locks, backups, and what can be wrong with a file.
 */
class SqliteSafetyTests extends SafetyScenarios {

	@Override
	TestDatabase createDatabase(Path folder) {
		return new SqliteTestDatabase(folder);
	}

	@Override
	String relation(String name) {
		return name;
	}

	@Override
	String otherEngineUrl() {
		return "jdbc:postgresql://127.0.0.1:5432/postgres";
	}

	private Path file() {
		return ((SqliteTestDatabase) this.database).file();
	}

	// --- Backups

	@Test
	void adoptionBacksTheDatabaseUpFirstAndTheBackupHoldsTheLegacyRows() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		List<String> rows = LibraryMigrations.libraryRows(this.database);
		String[] backup = new String[1];
		boot().run((context) -> backup[0] = report(context).backup());
		assertThat(backups()).singleElement().satisfies((path) -> assertThat(path.toString()).isEqualTo(backup[0]));
		SqliteTestDatabase copy = SqliteTestDatabase.file(Path.of(backup[0]));
		assertThat(LibraryMigrations.libraryRows(copy)).isEqualTo(rows);
		assertThat(copy.rows("SELECT name FROM sqlite_master WHERE name = 'flyway_schema_history'")).isEmpty();
	}

	@Test
	void failedAttemptsShareOneBackupUntilAnAdoptionSucceeds() throws Exception {
		createEmptyHistoryTable();
		LibraryMigrations.legacyAt(this.database, 2);
		// The BASELINE insert fails after the backup was taken: the database stays as it was.
		this.database.executeWhole("CREATE TRIGGER refuse_rows BEFORE INSERT ON flyway_schema_history"
				+ " BEGIN SELECT RAISE(ABORT, 'no rows today'); END");
		String before = this.database.fingerprint();
		boot().run((context) -> assertThat(context).hasFailed());
		assertThat(backups()).hasSize(1);
		boot().run((context) -> assertThat(context).hasFailed());
		assertThat(backups()).as("the unchanged database's backup is reused").hasSize(1);
		assertThat(this.database.fingerprint()).isEqualTo(before);
		// Once it can be adopted, it is (the trigger's removal changed the database: a backup of that state is taken).
		this.database.execute("DROP TRIGGER refuse_rows");
		boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(backups()).hasSizeBetween(1, 2);
	}

	@Test
	void noBackupOnEmptyOrManagedBoots() throws Exception {
		boot().run((context) -> assertThat(report(context).backup()).isNull());
		boot().run((context) -> assertThat(report(context).backup()).isNull());
		assertThat(backups()).isEmpty();
	}

	@Test
	void backupGoesToTheConfiguredDirectory() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		Path directory = this.temp.resolve("backups/nested");
		boot("autobaseline.backup.directory=" + directory).run((context) -> assertThat(report(context).backup())
			.startsWith(directory.toString()));
		assertThat(backups()).isEmpty();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
			List<Path> list = new ArrayList<>();
			files.forEach(list::add);
			assertThat(list).singleElement().satisfies((path) -> assertThat(path.getFileName().toString())
				.startsWith("live.db.autobaseline-backup-").endsWith(".db"));
		}
	}

	@Test
	void backupDirectoryThatCannotBeCreatedStopsTheAdoptionBeforeAnyWrite() throws Exception {
		Path notAFolder = Files.writeString(this.temp.resolve("plain-file"), "x");
		assertInvalid("autobaseline.backup.directory", "is not a writable folder",
				"autobaseline.backup.directory=" + notAFolder.resolve("backups"));
	}

	@Test
	void backupsCanBeSwitchedOff() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot("autobaseline.backup.enabled=false").run((context) -> assertThat(report(context).backup()).isNull());
		assertThat(backups()).isEmpty();
		assertThat(this.database.history()).startsWith("2:BASELINE:ok");
	}

	private List<Path> backups() throws IOException {
		List<Path> backups = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.temp, "live.db.autobaseline-backup-*")) {
			files.forEach(backups::add);
		}
		return backups;
	}

	// --- Locks

	@Test
	void lockFileIsNeverDeleted() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot().run((context) -> assertThat(context).hasNotFailed());
		assertThat(Path.of(file() + ".autobaseline-lock")).exists();
		boot().run((context) -> assertThat(context).hasNotFailed());
		assertThat(Path.of(file() + ".autobaseline-lock")).exists();
	}

	// --- What can be wrong with the file

	@Test
	void fileThatIsNotSqliteFailsClearlyAndIsLeftAsItWas() throws Exception {
		Files.writeString(file(), "this is a text file, not a database\n".repeat(200));
		String before = this.database.fingerprint();
		boot().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("could not inspect the database")
				.hasStackTraceContaining(named("spring.datasource.url"));
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void databaseLockedByAnotherProcessFailsClearlyAndLosesNothing() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		List<String> rows = LibraryMigrations.libraryRows(this.database);
		try (Connection other = DriverManager.getConnection(this.database.url());
				Statement statement = other.createStatement()) {
			statement.execute("BEGIN EXCLUSIVE");
			boot("spring.datasource.hikari.connection-timeout=20000").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("SQLITE_BUSY");
			});
			statement.execute("ROLLBACK");
		}
		assertThat(this.database.rows("SELECT name FROM sqlite_master WHERE name = 'flyway_schema_history'")).isEmpty();
		assertThat(LibraryMigrations.libraryRows(this.database)).isEqualTo(rows);
	}

	@Test
	void readOnlyDatabaseIsRefusedBeforeAnyWrite() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("spring.datasource.url=jdbc:sqlite:file:" + file() + "?mode=ro").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("read-only");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void reportNamesTheBackup() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		AdoptionReport[] report = new AdoptionReport[1];
		boot().run((context) -> report[0] = report(context));
		assertThat(report[0].backup()).contains("live.db.autobaseline-backup-");
	}

}
