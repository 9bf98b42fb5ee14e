package dev.autobaseline.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.autobaseline.engine.AdoptionRefusedException;
import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.SchemaState;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adoption scenarios, written once and run against every engine: a migration set, a legacy
 * database built without Flyway, the expected decision and end state. Each boots an
 * application's own Flyway through the engine's plain API against a real database. What only a
 * Spring Boot application has (the starter switched off, beans) is in autoconfigure's
 * {@code SpringBootScenarios}.
 */
abstract class AdoptionScenarios extends ScenarioSupport {

	// --- States without adoption

	@Test
	void emptyDatabaseIsMigratedFromScratch() {
		boot().run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.EMPTY);
			assertThat(report.migrationsApplied()).isEqualTo(5);
			assertThat(this.database.history()).containsExactly("1:SQL:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		});
	}

	@Test
	void managedDatabaseWithNothingPendingIsLeftAsItIs() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		String before = this.database.fingerprint();
		boot().run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.MANAGED);
			assertThat(report.migrationsApplied()).isZero();
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void managedDatabaseWithPendingMigrationsIsMigrated() throws Exception {
		Path early = LibraryMigrations.write(this.temp.resolve("early"), LibraryMigrations.SCRIPTS.subList(0, 6));
		boot("spring.flyway.locations=filesystem:" + early).run((context) -> assertThat(context).hasNotFailed());
		this.database.execute("INSERT INTO author (id, name) VALUES (1, 'Ursula')");
		boot().run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.MANAGED);
			assertThat(report.migrationsApplied()).isEqualTo(2);
		});
		assertThat(this.database.history()).containsExactly("1:SQL:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(this.database.rows("SELECT name FROM author")).containsExactly("Ursula");
	}

	@Test
	void emptyHistoryTableOnEmptySchemaIsMigrated() throws Exception {
		createEmptyHistoryTable();
		boot().run((context) -> {
			assertThat(report(context).state()).isEqualTo(SchemaState.EMPTY);
			assertThat(this.database.history()).containsExactly("1:SQL:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		});
	}

	// --- Adoption at the detected version

	@Test
	void legacyDatabaseAtFirstVersionIsBaselinedThere(CapturedOutput output) throws Exception {
		assertAdoptedAt(1, "1:BASELINE:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(output).contains("autobaseline: UNMANAGED", "matched V1 (columns, strict distance 0)", "baselined at 1",
				"Flyway applied 4 migrations");
	}

	@Test
	void legacyDatabaseAtMiddleVersionIsBaselinedThere() throws Exception {
		assertAdoptedAt(2, "2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(this.database.description("BASELINE")).isEqualTo("<< Autobaseline: matched V2 (columns) >>");
	}

	@Test
	void legacyDatabaseAtLastVersionIsBaselinedWithNothingToApply() throws Exception {
		assertAdoptedAt(5, "5:BASELINE:ok");
	}

	@Test
	void dataOnlyMigrationIsTreatedAsAppliedWithHighest(CapturedOutput output) throws Exception {
		assertAdoptedAt(3, "4:BASELINE:ok", "5:SQL:ok");
		assertThat(output).contains("V3, V4 match equally well", named("autobaseline.on-ambiguous=highest chose V4"));
		assertThat(this.database.rows("SELECT isbn FROM book WHERE id = 10")).containsExactly("null");
	}

	@Test
	void dataOnlyMigrationRunsWithLowest() throws Exception {
		LibraryMigrations.legacyAt(this.database, 3);
		List<String> before = LibraryMigrations.libraryRows(this.database);
		boot("autobaseline.on-ambiguous=lowest").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("3"));
		assertThat(this.database.history()).containsExactly("3:BASELINE:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
		assertThat(this.database.rows("SELECT isbn FROM book ORDER BY id")).containsExactly("unknown", "unknown", "0575");
	}

	@Test
	void dataOnlyMigrationIsRefusedWithFail() throws Exception {
		LibraryMigrations.legacyAt(this.database, 3);
		assertRefusedUntouched(AdoptionRefusedException.Reason.AMBIGUOUS, "matches V3, V4 equally well",
				"autobaseline.on-ambiguous=fail");
	}

	// --- Evidence beyond the match level: versions with the same tables and columns

	/** V2 only adds an index; V3 a table. */
	private Path indexMigrations() throws Exception {
		return LibraryMigrations.write(this.temp.resolve("index"),
				List.of("V1__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL);",
						"V2__index_book_title.sql", "CREATE INDEX book_title_idx ON book (title);",
						"V3__create_loan.sql", "CREATE TABLE loan (id INTEGER PRIMARY KEY, book_id INTEGER);"));
	}

	@Test
	void versionsDifferingOnlyByAnIndexAreToldApartAtColumnsLevel() throws Exception {
		Path folder = indexMigrations();
		this.database.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL)",
				"INSERT INTO book VALUES (1, 'Earthsea')");
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.on-ambiguous=fail")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("1"));
		assertThat(this.database.history()).containsExactly("1:BASELINE:ok", "2:SQL:ok", "3:SQL:ok");
	}

	@Test
	void anIndexUnderAnotherNameIsTheSameIndex() throws Exception {
		Path folder = indexMigrations();
		this.database.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL)",
				"CREATE INDEX idx_legacy_title ON book (title)");
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.on-ambiguous=fail",
				"autobaseline.match=strict")
			.run((context) -> {
				assertThat(report(context).baselineVersion()).isEqualTo("2");
				assertThat(report(context).distance()).isZero();
			});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok");
	}

	@Test
	void versionsDifferingOnlyByACheckAreToldApartAtColumnsLevel() throws Exception {
		Path folder = LibraryMigrations.write(this.temp.resolve("check"),
				List.of("V1__create_item.sql", "CREATE TABLE item (id INTEGER PRIMARY KEY, amount NUMERIC(10,2));",
						"V2__positive_amount.sql", "DROP TABLE item;\nCREATE TABLE item (id INTEGER PRIMARY KEY,"
								+ " amount NUMERIC(10,2) CHECK (amount > 0));",
						"V3__create_order.sql", "CREATE TABLE purchase (id INTEGER PRIMARY KEY);"));
		this.database.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, amount NUMERIC(10,2) CHECK (amount > 0))");
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.on-ambiguous=fail")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok");
	}

	@Test
	void legacyDatabaseBuiltFromTheScriptsMatchesAtStrictWithNoDifference() throws Exception {
		// Engine-generated names (keys, sequences, autoindexes) differ between the two databases; nothing else.
		LibraryMigrations.legacyAt(this.database, 2);
		boot("autobaseline.match=strict").run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("2");
			assertThat(report(context).distance()).isZero();
		});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	// --- Schemas the ORM made

	/** The library's migrations in a form an ORM model would also produce, V2 adding an indexed column. */
	private Path ormMigrations() throws Exception {
		return LibraryMigrations.write(this.temp.resolve("orm"),
				List.of("V1__create_author_and_book.sql",
						"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
								+ "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
								+ " author_id INTEGER REFERENCES author (id));",
						"V2__add_book_isbn.sql",
						"ALTER TABLE book ADD COLUMN isbn VARCHAR(20);\nCREATE INDEX book_isbn_idx ON book (isbn);",
						"V3__create_loan.sql", "CREATE TABLE loan (id INTEGER PRIMARY KEY, book_id INTEGER NOT NULL);"));
	}

	/**
	 * The schema at V2 as the engine's usual ORM creates it (Hibernate ddl-auto on PostgreSQL,
	 * SQLAlchemy create_all on SQLite), with a row per table.
	 */
	abstract void createOrmSchema() throws Exception;

	/** What {@code match: strict} sees in {@link #createOrmSchema()} against V2, as drift lines. */
	abstract List<String> ormDifferences();

	@Test
	void schemaTheOrmMadeIsAdoptedAtColumnsLevelAtTheRightVersion() throws Exception {
		Path folder = ormMigrations();
		createOrmSchema();
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.on-ambiguous=fail").run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("2");
			assertThat(report(context).distance()).isEqualTo(ormDifferences().size());
		});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok");
		assertThat(this.database.rows("SELECT title FROM book")).containsExactly("Earthsea");
	}

	@Test
	void schemaTheOrmMadeIsRefusedAtStrictListingExactlyItsDifferences() throws Exception {
		Path folder = ormMigrations();
		createOrmSchema();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MATCH,
				"The closest is V2 with " + ormDifferences().size() + " differences",
				"spring.flyway.locations=filesystem:" + folder, "autobaseline.match=strict");
		assertThat(refusal.getDifferences()).extracting((difference) -> difference.describe("V2"))
			.containsExactlyElementsOf(ormDifferences());
		assertThat(refusal.getDescription()).contains(ormDifferences());
	}

	@Test
	void nonConsecutiveMatchIsRefused() throws Exception {
		Path folder = LibraryMigrations.write(this.temp.resolve("roundtrip"),
				List.of("V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(200));",
						"V2__create_staging.sql", "CREATE TABLE staging (id INTEGER);",
						"V3__drop_staging.sql", "DROP TABLE staging;",
						"V4__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY);"));
		this.database.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(200))",
				"INSERT INTO author VALUES (1, 'Ursula')");
		assertRefusedUntouched(AdoptionRefusedException.Reason.NON_CONSECUTIVE, "matches V1, V3 equally well",
				"spring.flyway.locations=filesystem:" + folder);
	}

	@Test
	void foreignObjectsOnlyAreAdoptedBelowTheFirstVersion(CapturedOutput output) throws Exception {
		this.database.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, entry VARCHAR(100))",
				"INSERT INTO audit_log VALUES (1, 'kept')");
		boot().run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.UNMANAGED);
			assertThat(report.baselineVersion()).isEqualTo("0");
			assertThat(report.migrationsApplied()).isEqualTo(5);
		});
		assertThat(this.database.history()).containsExactly("0:BASELINE:ok", "1:SQL:ok", "2:SQL:ok", "3:SQL:ok",
				"4:SQL:ok", "5:SQL:ok");
		assertThat(this.database.rows("SELECT entry FROM audit_log")).containsExactly("kept");
		assertThat(output).contains("unknown to the migrations, left alone: " + relation("audit_log"));
	}

	@Test
	void extraTableNoMigrationCreatesIsLeftAlone(CapturedOutput output) throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("CREATE TABLE report_cache (id INTEGER)", "INSERT INTO report_cache VALUES (42)");
		assertAdoptedAt(-1, "2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(this.database.rows("SELECT id FROM report_cache")).containsExactly("42");
		assertThat(output).contains("WARN", "left alone: " + relation("report_cache"));
	}

	@Test
	void ignoreTablesLeavesADriftedTableOut() throws Exception {
		LibraryMigrations.legacyAt(this.database, 5);
		this.database.execute("ALTER TABLE member ADD COLUMN nickname VARCHAR(50)");
		boot("autobaseline.ignore-tables=memb*").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("5"));
		assertThat(this.database.history()).containsExactly("5:BASELINE:ok");
	}

	@Test
	void schemaMatchingNoVersionIsRefusedWithADriftReport() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("ALTER TABLE book ADD COLUMN legacy_flag INTEGER");
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MATCH,
				"The closest is V2 with 1 difference");
		assertThat(refusal.getDescription())
			.contains("column " + relation("book") + ".legacy_flag exists in the database but in no migration up to V2")
			.contains("(V2 already differs in tables or columns, so its column types, keys, indexes and other details"
					+ " were not compared)");
		assertThat(refusal.getAction()).contains(named("autobaseline.ignore-tables"), named("autobaseline.match=tables"),
				named("autobaseline.mode=fixed"));
	}

	// --- At strict a refusal lists every difference of the closest version

	/**
	 * A library whose model an ORM also maps (V1 to V4), in the engine's own SQL: keys the engine
	 * generates, text columns, database defaults; V5 turns the genre into what the engine has for an
	 * enum, V6 adds a table.
	 */
	abstract List<String> typedLibraryMigrations();

	/** The typed library's V4 model as the engine's usual ORM creates it, with a row per table. */
	abstract void createOrmTypedLibraryAtV4() throws Exception;

	/** The version a strict refusal names as the closest for {@link #createOrmTypedLibraryAtV4()}. */
	abstract String ormTypedLibraryClosest();

	/** Every difference, at strict, between that closest version and the ORM's schema, as drift lines. */
	abstract List<String> ormTypedLibraryDifferences();

	@Test
	void schemaTheOrmMadeOfALaterModelIsRefusedAtStrictWithEveryDifferenceOfTheClosestVersion() throws Exception {
		Path folder = LibraryMigrations.write(this.temp.resolve("typed"), typedLibraryMigrations());
		createOrmTypedLibraryAtV4();
		String closest = ormTypedLibraryClosest();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MATCH,
				"The closest is " + closest + " with " + ormTypedLibraryDifferences().size() + " differences:",
				"spring.flyway.locations=filesystem:" + folder, "autobaseline.match=strict");
		assertThat(refusal.getDifferences()).extracting((difference) -> difference.describe(closest))
			.containsExactlyElementsOf(ormTypedLibraryDifferences());
		assertThat(refusal.getDescription()).contains(ormTypedLibraryDifferences()).doesNotContain("not compared");
	}

	@Test
	void schemaMatchingNoVersionAtStrictIsRefusedWithTheClosestVersionsKeysAndIndexesToo(CapturedOutput output)
			throws Exception {
		// V2 differs in a column, so the replay read it as a signature; the refusal reads it in full.
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("ALTER TABLE book ADD COLUMN legacy_flag INTEGER", "CREATE INDEX book_title_legacy ON book (title)");
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MATCH,
				"The closest is V2 with 2 differences:", "autobaseline.match=strict");
		assertThat(refusal.getDifferences()).extracting(dev.autobaseline.catalog.Difference::kind)
			.containsExactly(dev.autobaseline.catalog.Difference.Kind.EXTRA_COLUMN,
					dev.autobaseline.catalog.Difference.Kind.EXTRA_FACT);
		assertThat(refusal.getDifferences().get(1).column()).startsWith("index ");
		assertThat(refusal.getDescription())
			.contains("column " + relation("book") + ".legacy_flag exists in the database but in no migration up to V2")
			.contains(" on " + relation("book") + " exists in the database but in no migration up to V2")
			.doesNotContain("not compared");
		assertThat(output).contains("replaying again to read V2, the closest, in full");
	}

	@Test
	void aClosestVersionWhoseTablesDifferIsReadInFullAtStrictToo(CapturedOutput output) throws Exception {
		// V5's table member is there, V3's loan is not: V5 is closest, its tables already differ (on
		// PostgreSQL the replay read its names only), and the refusal lists its index drift too.
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute(LibraryMigrations.SCRIPTS.get(9).split(";")[0], "ALTER TABLE book ADD COLUMN legacy_flag INTEGER",
				"CREATE INDEX book_title_legacy ON book (title)");
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MATCH,
				"The closest is V5 with 3 differences:", "autobaseline.match=strict");
		assertThat(refusal.getDescription())
			.contains("column " + relation("book") + ".legacy_flag exists in the database but in no migration up to V5")
			.contains(" on " + relation("book") + " exists in the database but in no migration up to V5")
			.contains("relation " + relation("loan") + " is created by the migrations up to V5 but missing from the database")
			.doesNotContain("not compared");
		assertThat(output).contains("replaying again to read V5, the closest, in full");
	}

	@Test
	void matchAboveTargetIsRefused() throws Exception {
		LibraryMigrations.legacyAt(this.database, 5);
		assertRefusedUntouched(AdoptionRefusedException.Reason.ABOVE_TARGET, "matches V5, above spring.flyway.target",
				"spring.flyway.target=3");
	}

	@Test
	void objectsOnlyRepeatableMigrationsCreateAreLeftOutOnBothSides(CapturedOutput output) throws Exception {
		Files.writeString(this.migrations.resolve("R__book_titles.sql"),
				"DROP VIEW IF EXISTS book_titles;\nCREATE VIEW book_titles AS SELECT title FROM book;\n");
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("CREATE VIEW book_titles AS SELECT title, isbn FROM book");
		assertAdoptedAt(-1, "2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok", "null:SQL:ok");
		assertThat(output).doesNotContain("left alone");
	}

	@Test
	void anIndexARepeatableMigrationKeepsOnAnOwnedTableIsNotDriftAtStrict(CapturedOutput output) throws Exception {
		Files.writeString(this.migrations.resolve("R__book_indexes.sql"),
				"DROP INDEX IF EXISTS book_title_lookup;\nCREATE INDEX book_title_lookup ON book (title);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("CREATE INDEX book_title_lookup ON book (title)");
		assertDryRunWritesNothing();
		List<String> before = LibraryMigrations.libraryRows(this.database);
		boot("autobaseline.match=strict").run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("2");
			assertThat(report(context).distance()).isZero();
		});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok", "null:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
		assertThat(output).doesNotContain("left alone");
	}

	@Test
	void aVersionReadAsASignatureThatMatchesOnceRepeatablesAreKnownIsReplayedInFull(CapturedOutput output)
			throws Exception {
		// V2 drops report_cache, which live has: during the replay V2 cannot match and is read as a
		// signature. At the end the repeatable turns out to own report_cache, which leaves V2 matching.
		Path folder = LibraryMigrations.write(this.temp.resolve("repeatable-owned"),
				List.of("V1__create_author_and_cache.sql",
						"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(200));\nCREATE TABLE report_cache (id INTEGER);\n",
						"V2__drop_cache.sql", "DROP TABLE report_cache;\n",
						"V3__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200));\n",
						"R__report_cache.sql", "DROP TABLE IF EXISTS report_cache;\nCREATE TABLE report_cache (id INTEGER);\n"));
		this.database.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(200))",
				"CREATE TABLE report_cache (id INTEGER)", "INSERT INTO author VALUES (1, 'Ursula')");
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.dry-run=true")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		boot("spring.flyway.locations=filesystem:" + folder)
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "null:SQL:ok");
		assertThat(this.database.rows("SELECT name FROM author")).containsExactly("Ursula");
		assertThat(output).contains("V2 matches the database but was read as a signature only; replaying again with"
				+ " every version read in full");
	}

	@Test
	void anIndexNoMigrationMakesIsStillDriftAtStrictBesideARepeatable() throws Exception {
		Files.writeString(this.migrations.resolve("R__book_indexes.sql"),
				"DROP INDEX IF EXISTS book_title_lookup;\nCREATE INDEX book_title_lookup ON book (title);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("CREATE INDEX book_title_lookup ON book (title)", "CREATE INDEX book_by_hand ON book (isbn)");
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MATCH,
				"The closest is V2 with 1 difference", "autobaseline.match=strict");
		assertThat(refusal.getDescription()).contains("(isbn) on " + relation("book")
				+ " exists in the database but in no migration up to V2");
	}

	@Test
	void replayFailureWritesNothingToLive() throws Exception {
		Files.writeString(this.migrations.resolve("V6__needs_a_table_no_migration_creates.sql"),
				"INSERT INTO table_made_by_hand (id) VALUES (1);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("CREATE TABLE table_made_by_hand (id INTEGER)");
		String before = this.database.fingerprint();
		boot().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("could not replay the migrations")
				.hasStackTraceContaining("nothing was written to the live database");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	// --- record: history

	@Test
	void recordHistoryWritesTheRowsFlywayWouldHaveWritten() throws Exception {
		List<String> reference = referenceHistory();
		LibraryMigrations.legacyAt(this.database, 2);
		List<String> before = LibraryMigrations.libraryRows(this.database);
		boot("autobaseline.record=history").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(historyDetails()).isEqualTo(reference);
		assertThat(this.database.rows("SELECT COUNT(*) FROM flyway_schema_history WHERE type = 'BASELINE'"))
			.containsExactly("0");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
	}

	@Test
	void recordHistoryLetsValidationCatchALaterEditOfAnOldScript() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot("autobaseline.record=history").run((context) -> assertThat(context).hasNotFailed());
		Files.writeString(this.migrations.resolve("V1__create_author_and_book.sql"),
				LibraryMigrations.SCRIPTS.get(1) + "-- edited after the adoption\n");
		assertRefusedUntouched(AdoptionRefusedException.Reason.VALIDATION_FAILED, "checksum mismatch",
				"autobaseline.record=history");
	}

	@Test
	void recordHistoryFinishesAfterAKillBetweenBaselineAndSwap() throws Exception {
		List<String> reference = referenceHistory();
		LibraryMigrations.legacyAt(this.database, 2);
		// What a kill right after the BASELINE row leaves: the row, nothing swapped, nothing migrated.
		plainFlyway().baselineVersion("2").load().baseline();
		boot("autobaseline.record=history").run((context) -> {
			assertThat(report(context).state()).isEqualTo(SchemaState.BASELINED);
			assertThat(report(context).migrationsApplied()).isEqualTo(3);
		});
		assertThat(historyDetails()).isEqualTo(reference);
	}

	@Test
	void recordHistoryWritesNoRowForARepeatableAndFiresNoCallback() throws Exception {
		Files.writeString(this.migrations.resolve("R__book_titles.sql"),
				"DROP VIEW IF EXISTS book_titles;\nCREATE VIEW book_titles AS SELECT title FROM book;\n");
		Files.writeString(this.migrations.resolve("afterMigrate.sql"),
				"CREATE TABLE IF NOT EXISTS migrate_log (id INTEGER);\nINSERT INTO migrate_log (id) VALUES (1);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		boot("autobaseline.record=history").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("1:SQL:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok",
				"null:SQL:ok");
		// Only the live migrate ran afterMigrate: the replay ran it in the shadow, the swap not at all.
		assertThat(this.database.rows("SELECT COUNT(*) FROM migrate_log")).containsExactly("1");
	}

	/** The history plain Flyway writes when it runs every migration: what record: history must reproduce. */
	private List<String> referenceHistory() throws Exception {
		try (TestDatabase reference = createDatabase(Files.createTempDirectory(this.temp, "reference"))) {
			plainFlyway(reference).load().migrate();
			return historyDetails(reference);
		}
	}

	private List<String> historyDetails() throws Exception {
		return historyDetails(this.database);
	}

	private static List<String> historyDetails(TestDatabase database) throws Exception {
		return database.rows("SELECT installed_rank, version, description, type, script, checksum, success"
				+ " FROM flyway_schema_history ORDER BY installed_rank");
	}

	// --- Evidence before any write: no versioned migration resolved

	/** A location that resolves nothing, as a typo in spring.flyway.locations makes. */
	private String mistypedLocations() {
		return "spring.flyway.locations=filesystem:" + this.temp.resolve("migratoins");
	}

	/** Refused with a report naming spring.flyway.locations, nothing written, no backup taken. */
	private void assertRefusedForNoMigrations(SchemaState state, String... properties) throws Exception {
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MIGRATIONS,
				"found no versioned migration in spring.flyway.locations", properties);
		assertThat(refusal.getState()).isEqualTo(state);
		assertThat(refusal.getAction()).contains(named("spring.flyway.locations"));
		try (java.util.stream.Stream<Path> files = Files.walk(this.temp)) {
			assertThat(files.map(Path::toString)).noneMatch((name) -> name.contains("autobaseline-backup"));
		}
	}

	@Test
	void mistypedLocationsAreRefusedInsteadOfBaselinedAtZero() throws Exception {
		LibraryMigrations.legacyAt(this.database, 4);
		assertRefusedForNoMigrations(SchemaState.UNMANAGED, mistypedLocations());
		assertThat(this.database.tables()).doesNotContain(relation("flyway_schema_history"));
	}

	@Test
	void mistypedLocationsAreRefusedInFixedModeAtZeroToo() throws Exception {
		LibraryMigrations.legacyAt(this.database, 4);
		assertRefusedForNoMigrations(SchemaState.UNMANAGED, mistypedLocations(), "autobaseline.mode=fixed",
				"autobaseline.fixed-version=0");
	}

	@Test
	void repeatableMigrationsAloneAreNoEvidenceAndAreNotReplayed() throws Exception {
		// Replayed, this script would fail the replay: the refusal comes before any shadow exists.
		Path repeatables = LibraryMigrations.write(this.temp.resolve("repeatables"),
				List.of("R__titles.sql", "THIS IS NOT SQL;\n"));
		LibraryMigrations.legacyAt(this.database, 2);
		assertRefusedForNoMigrations(SchemaState.UNMANAGED, "spring.flyway.locations=filesystem:" + repeatables);
	}

	@Test
	void mistypedLocationsAreRefusedForABaselinedDatabaseEvenWithRebaseline() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		plainFlyway().baselineVersion("4").load().baseline();
		assertRefusedForNoMigrations(SchemaState.BASELINED, mistypedLocations(), "autobaseline.rebaseline=true");
		assertThat(this.database.history()).containsExactly("4:BASELINE:ok");
	}

	@Test
	void mistypedLocationsAreRefusedBeforeRepair() throws Exception {
		failedV5WithItsChangesUndone();
		assertRefusedForNoMigrations(SchemaState.INCONSISTENT, mistypedLocations(), "autobaseline.repair=true");
		assertThat(this.database.history()).endsWith("5:SQL:failed");
	}

	@Test
	void mistypedLocationsAreRefusedBeforeVerifyingAManagedDatabase() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		assertRefusedForNoMigrations(SchemaState.MANAGED, mistypedLocations(), "autobaseline.verify-managed=true");
	}

	@Test
	void aJavaMigrationBeanAloneIsEvidence() throws Exception {
		// Only another application's table and one JavaMigration bean: adopted below it, and it runs.
		this.database.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)", "INSERT INTO audit_log VALUES (7)",
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(200))");
		LeakyBeans.reset();
		boot(mistypedLocations()).withFlyway(LeakyBeans::configure).run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("0");
			assertThat(report(context).migrationsApplied()).isEqualTo(1);
		});
		assertThat(this.database.history()).containsExactly("0:BASELINE:ok", "6:JDBC:ok");
		assertThat(this.database.rows("SELECT id FROM audit_log")).containsExactly("7");
	}

	// --- Leftovers of earlier attempts with plain Flyway

	@Test
	void emptyHistoryTableOnNonEmptySchemaIsAdopted() throws Exception {
		createEmptyHistoryTable();
		assertAdoptedAt(2, "2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void historyWithOnlyASchemaMarkerIsAdopted() throws Exception {
		createEmptyHistoryTable();
		this.database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time, success) VALUES (0, NULL, '<< Flyway Schema Creation >>',"
				+ " 'SCHEMA', '\"app\"', NULL, 'someone', 0, TRUE)");
		assertAdoptedAt(2, "null:SCHEMA:ok", "2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void baselineAtTheWrongVersionIsRefusedNamingTheRightOne() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		plainFlyway().baselineVersion("4").load().baseline();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.BASELINE_MISMATCH,
				"BASELINE row at version 4, but the schema matched V2");
		assertThat(refusal.getAction()).contains(named("autobaseline.rebaseline=true"), "to version 2");
	}

	@Test
	void baselineAtTheWrongVersionIsRewrittenWithRebaseline() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		plainFlyway().baselineVersion("4").load().baseline();
		List<String> before = LibraryMigrations.libraryRows(this.database);
		boot("autobaseline.rebaseline=true").run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.BASELINED);
			assertThat(report.baselineVersion()).isEqualTo("2");
		});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
	}

	@Test
	void baselineAtTheRightVersionIsKept() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		plainFlyway().baselineVersion("2").load().baseline();
		boot().run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.BASELINED);
			assertThat(report.baselineWritten()).isFalse();
		});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	/**
	 * What a failed baseline-on-migrate attempt at 1 leaves where DDL is not transactional
	 * (MariaDB): the BASELINE row, then V2's failed row, nothing applied successfully.
	 */
	private void failedBaselineAttemptAtOne() throws Exception {
		plainFlyway().baselineVersion("1").load().baseline();
		this.database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time, success) VALUES (2, '2', 'add book isbn', 'SQL',"
				+ " 'V2__add_book_isbn.sql', 1, 'someone', 0, FALSE)");
	}

	@Test
	void failedBaselineAttemptIsRefusedNamingTheVersionTheSchemaIsAtAndWhatNoCatalogShows() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		failedBaselineAttemptAtOne();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.FAILED_MIGRATIONS,
				"holds a BASELINE row at version 1 and 1 failed migration (V2) after it, and nothing applied"
						+ " successfully");
		assertThat(refusal.getState()).isEqualTo(SchemaState.BASELINED);
		assertThat(refusal.getDescription()).contains("The schema matched V2.",
				"statements before its error stay applied, and those that change data show in no catalog");
		assertThat(refusal.getAction()).contains(named("autobaseline.rebaseline=true"), "to version 2",
				"removes the failed rows in one transaction");
	}

	@Test
	void failedBaselineAttemptIsRewrittenAndItsFailedRowsRemovedWithRebaseline() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		failedBaselineAttemptAtOne();
		List<String> before = LibraryMigrations.libraryRows(this.database);
		String untouched = this.database.fingerprint();
		boot("autobaseline.rebaseline=true", "autobaseline.dry-run=true")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.fingerprint()).as("a dry run writes nothing").isEqualTo(untouched);
		boot("autobaseline.rebaseline=true").run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.BASELINED);
			assertThat(report.baselineWritten()).isTrue();
		});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
	}

	@Test
	void failedBaselineAttemptAtTheRightVersionIsRefusedToo() throws Exception {
		// V2 failed before it changed anything: the BASELINE row is right, the failed row must still go.
		LibraryMigrations.legacyAt(this.database, 1);
		failedBaselineAttemptAtOne();
		assertRefusedUntouched(AdoptionRefusedException.Reason.FAILED_MIGRATIONS, "The schema matched V1.");
		boot("autobaseline.rebaseline=true").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("1"));
		assertThat(this.database.history()).containsExactly("1:BASELINE:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok",
				"5:SQL:ok");
	}

	@Test
	void failedBaselineAttemptThatLeftTheSchemaAtNoVersionIsRefusedWithItsDifferences() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("ALTER TABLE book ADD COLUMN legacy_flag INTEGER");
		failedBaselineAttemptAtOne();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.NO_MATCH,
				"matches no migration version", "autobaseline.rebaseline=true");
		assertThat(refusal.getDescription()).contains(".legacy_flag exists in the database but in no migration",
				"The history also holds 1 failed migration (V2) after its BASELINE row: an earlier attempt failed part-way.");
	}

	@Test
	void failedMigrationInHistoryIsRefused() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		this.database.execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '5'");
		assertRefusedUntouched(AdoptionRefusedException.Reason.FAILED_MIGRATIONS, "1 failed migration");
	}

	@Test
	void editedScriptOfAManagedDatabaseIsRefusedWithFlywaysValidation() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		Files.writeString(this.migrations.resolve("V2__add_book_isbn.sql"), "ALTER TABLE book ADD COLUMN isbn VARCHAR(30);\n");
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.VALIDATION_FAILED,
				"checksum mismatch");
		assertThat(refusal.getDescription()).endsWith("Scripts concerned: V2__add_book_isbn.sql");
	}

	@Test
	void versionTheApplicationDoesNotKnowIsAcceptedUnderBootsDefaultIgnorePattern() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		Files.delete(this.migrations.resolve("V5__create_member.sql"));
		boot().run((context) -> assertThat(report(context).state()).isEqualTo(SchemaState.MANAGED));
		assertRefusedUntouched(AdoptionRefusedException.Reason.VALIDATION_FAILED, "not resolved locally",
				"spring.flyway.ignore-migration-patterns=");
	}

	@Test
	void failedMigrationIsRemovedAndRunAgainWithRepairWhenTheSchemaIsAtTheLastSuccessfulVersion() throws Exception {
		failedV5WithItsChangesUndone();
		List<String> before = LibraryMigrations.libraryRows(this.database);
		boot("autobaseline.repair=true").run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.state()).isEqualTo(SchemaState.INCONSISTENT);
			assertThat(report.migrationsApplied()).isEqualTo(1);
		});
		assertThat(this.database.history()).containsExactly("1:SQL:ok", "2:SQL:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
	}

	@Test
	void repairIsRefusedWhenTheFailedMigrationLeftChangesBehind() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		// V5 failed half-way: its table is there, its row says failed.
		this.database.execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '5'");
		assertRefusedUntouched(AdoptionRefusedException.Reason.FAILED_MIGRATIONS, "not V4, the last successful one",
				"autobaseline.repair=true");
	}

	@Test
	void repairIsRefusedWhenFailedRowsAreNotTheOnlyProblem() throws Exception {
		failedV5WithItsChangesUndone();
		Files.writeString(this.migrations.resolve("V2__add_book_isbn.sql"), "ALTER TABLE book ADD COLUMN isbn VARCHAR(30);\n");
		assertRefusedUntouched(AdoptionRefusedException.Reason.VALIDATION_FAILED, "checksum mismatch",
				"autobaseline.repair=true");
	}

	/** A database at V4 whose V5 failed and was undone: only its failed row is left. */
	private void failedV5WithItsChangesUndone() throws Exception {
		Path early = LibraryMigrations.write(this.temp.resolve("early"), LibraryMigrations.SCRIPTS.subList(0, 8));
		boot("spring.flyway.locations=filesystem:" + early).run((context) -> assertThat(context).hasNotFailed());
		this.database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time, success) VALUES (5, '5', 'create member', 'SQL',"
				+ " 'V5__create_member.sql', 1, 'someone', 0, FALSE)");
	}

	@Test
	void verifyManagedRefusesASchemaThatDriftedFromItsHistory() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		this.database.execute("ALTER TABLE book ADD COLUMN legacy_flag INTEGER");
		boot().run((context) -> assertThat(report(context).state()).isEqualTo(SchemaState.MANAGED));
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.DRIFT,
				"says the database is at V5", "autobaseline.verify-managed=true");
		assertThat(refusal.getDescription())
			.contains("column " + relation("book") + ".legacy_flag exists in the database but in no migration up to V5");
	}

	/** A managed database at V5 whose loan table was renamed, with a column and an index no migration makes. */
	private void driftedManagedDatabase() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		this.database.execute("ALTER TABLE loan RENAME TO lending", "ALTER TABLE book ADD COLUMN legacy_flag INTEGER",
				"CREATE INDEX book_title_legacy ON book (title)");
	}

	@Test
	void verifyManagedListsEveryDriftTheLevelCountsAlthoughTablesDiffer() throws Exception {
		driftedManagedDatabase();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.DRIFT,
				"at level columns, in 2 ways:", "autobaseline.verify-managed=true");
		assertThat(refusal.getDescription())
			.contains("relation " + relation("loan") + " is created by the migrations up to V5 but missing from the database")
			.contains("column " + relation("book") + ".legacy_flag exists in the database but in no migration up to V5")
			.doesNotContain("not compared");
	}

	@Test
	void verifyManagedAtStrictListsTheDriftedKeysAndIndexesToo() throws Exception {
		driftedManagedDatabase();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.DRIFT,
				"at level strict, in 3 ways:", "autobaseline.verify-managed=true", "autobaseline.match=strict");
		assertThat(refusal.getDescription())
			.contains("relation " + relation("loan") + " is created by the migrations up to V5 but missing from the database")
			.contains("column " + relation("book") + ".legacy_flag exists in the database but in no migration up to V5")
			.contains(" on " + relation("book") + " exists in the database but in no migration up to V5")
			.doesNotContain("not compared");
	}

	@Test
	void verifyManagedReadsTheVersionBelowARecordedOneTheApplicationDoesNotKnowInFull() throws Exception {
		boot().run((context) -> assertThat(context).hasNotFailed());
		// The history records V5, which this build no longer has: V4 is compared, with V5's member_id and its key on loan
		// (and, on MariaDB, the index InnoDB makes for that key).
		Files.delete(this.migrations.resolve("V5__create_member.sql"));
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.DRIFT,
				"at level strict, in ", "autobaseline.verify-managed=true", "autobaseline.match=strict");
		assertThat(refusal.getDescription())
			.contains("column " + relation("loan") + ".member_id exists in the database but in no migration up to V4")
			.contains(" on " + relation("loan") + " exists in the database but in no migration up to V4")
			.doesNotContain("not compared");
	}

	@Test
	void verifyManagedLetsAnUnchangedSchemaMigrate() throws Exception {
		Path early = LibraryMigrations.write(this.temp.resolve("early"), LibraryMigrations.SCRIPTS.subList(0, 6));
		boot("spring.flyway.locations=filesystem:" + early).run((context) -> assertThat(context).hasNotFailed());
		this.database.execute("CREATE TABLE audit_log (id INTEGER)");
		boot("autobaseline.verify-managed=true").run((context) -> {
			assertThat(report(context).state()).isEqualTo(SchemaState.MANAGED);
			assertThat(report(context).migrationsApplied()).isEqualTo(2);
		});
	}

	@Test
	void historyOfThisApplicationUnderAnotherNameIsRefusedAsForeign() throws Exception {
		// An older setup kept this application's history as schema_version.
		Path early = LibraryMigrations.write(this.temp.resolve("early"), LibraryMigrations.SCRIPTS.subList(0, 4));
		plainFlyway().locations("filesystem:" + early).table("schema_version").load().migrate();
		AdoptionRefusedException refusal = assertRefusedUntouched(AdoptionRefusedException.Reason.FOREIGN_HISTORY,
				relation("schema_version"));
		assertThat(refusal.getAction()).contains(named("spring.flyway.table"));
	}

	@Test
	void historyOfAnotherApplicationInTheSameSchemaIsLeftAlone(CapturedOutput output) throws Exception {
		Path other = LibraryMigrations.write(this.temp.resolve("other-app"),
				List.of("V1__create_invoice.sql", "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total INTEGER);"));
		plainFlyway().locations("filesystem:" + other).table("billing_history").load().migrate();
		this.database.execute("INSERT INTO invoice VALUES (1, 100)");
		String billing = this.database.rows("SELECT version, script, checksum FROM billing_history").toString();
		assertAdoptedAt(2, "2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(this.database.rows("SELECT version, script, checksum FROM billing_history")).hasToString(billing);
		assertThat(this.database.rows("SELECT total FROM invoice")).containsExactly("100");
		assertThat(output).contains(relation("billing_history") + " is a Flyway history of another application");
	}

	// --- Configuration

	@Test
	void fixedModeBaselinesAtTheFixedVersion() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot("autobaseline.mode=fixed", "autobaseline.fixed-version=2")
			.run((context) -> assertThat(report(context).evidence()).isEqualTo("fixed version 2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void dryRunAtMiddleVersionWritesNothing(CapturedOutput output) throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.dry-run=true").run((context) -> {
			AdoptionReport report = report(context);
			assertThat(report.dryRun()).isTrue();
			assertThat(report.baselineVersion()).isEqualTo("2");
			assertThat(report.pending()).containsExactly("V3 create loan", "V4 backfill isbn", "V5 create member");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(output).contains("dry run: UNMANAGED", "would baseline at 2", "nothing was written");
	}

	@Test
	void callbackAndJavaMigrationBeansDoNotReachLiveDuringReplay() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		LeakyBeans.reset();
		boot("autobaseline.dry-run=true").withFlyway(LeakyBeans::configure).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(report(context).pending()).contains("V6 java bean");
		});
		assertThat(LeakyBeans.migrations).hasValue(0);
		assertThat(LeakyBeans.callbacks).hasValue(0);
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void javaMigrationBeanRunsOnceOnLiveAfterAdoption() throws Exception {
		LibraryMigrations.legacyAt(this.database, 5);
		LeakyBeans.reset();
		boot().withFlyway(LeakyBeans::configure).run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("5");
			assertThat(report(context).migrationsApplied()).isEqualTo(1);
		});
		assertThat(LeakyBeans.migrations).hasValue(1);
		assertThat(this.database.rows("SELECT name FROM author WHERE id = 99")).containsExactly("written by V6");
	}

	@Test
	void javaMigrationBeansRunDuringTheReplayWhenConfigured() throws Exception {
		LibraryMigrations.legacyAt(this.database, 5);
		LeakyBeans.reset();
		boot("autobaseline.replay.java-migration-beans=run").withFlyway(LeakyBeans::configure)
			.run((context) -> {
				// Observed in the replay, V6 changes no table: on-ambiguous=highest treats it as applied.
				assertThat(report(context).baselineVersion()).isEqualTo("6");
				assertThat(report(context).migrationsApplied()).isZero();
			});
		// It ran once, in the replay, through the DataSource it holds: the live one, as the property warns.
		assertThat(LeakyBeans.migrations).hasValue(1);
		assertThat(this.database.rows("SELECT name FROM author WHERE id = 99")).containsExactly("written by V6");
	}

	/**
	 * A Callback and a JavaMigration that hold the application's DataSource and write to it,
	 * which the application gives its Flyway as objects ({@code callbacks(...)},
	 * {@code javaMigrations(...)}), as Spring Boot gives it such beans: during the replay neither
	 * may run.
	 */
	static final class LeakyBeans {

		static final AtomicInteger migrations = new AtomicInteger();

		static final AtomicInteger callbacks = new AtomicInteger();

		static void reset() {
			migrations.set(0);
			callbacks.set(0);
		}

		/** Gives the Flyway both, each holding the DataSource that Flyway migrates through. */
		static void configure(FluentConfiguration flyway) {
			DataSource dataSource = flyway.getDataSource();
			flyway.callbacks(leakyCallback(dataSource)).javaMigrations(v6JavaBean(dataSource));
		}

		static Callback leakyCallback(DataSource dataSource) {
			return new Callback() {

				@Override
				public boolean supports(Event event, Context context) {
					return event == Event.AFTER_EACH_MIGRATE;
				}

				@Override
				public boolean canHandleInTransaction(Event event, Context context) {
					return true;
				}

				@Override
				public void handle(Event event, Context context) {
					callbacks.incrementAndGet();
					write(dataSource, "CREATE TABLE IF NOT EXISTS callback_leak (id INTEGER)");
				}

				@Override
				public String getCallbackName() {
					return "leaky";
				}
			};
		}

		static JavaMigration v6JavaBean(DataSource dataSource) {
			return new JavaMigration() {

				@Override
				public MigrationVersion getVersion() {
					return MigrationVersion.fromVersion("6");
				}

				@Override
				public String getDescription() {
					return "java bean";
				}

				@Override
				public Integer getChecksum() {
					return 6;
				}

				@Override
				public boolean canExecuteInTransaction() {
					return false;
				}

				@Override
				public void migrate(org.flywaydb.core.api.migration.Context context) {
					migrations.incrementAndGet();
					write(dataSource, "INSERT INTO author (id, name) VALUES (99, 'written by V6')");
				}
			};
		}

		static void write(DataSource dataSource, String sql) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
