package dev.autobaseline.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.engine.AdoptionRefusedException.Reason;
import dev.autobaseline.engine.AdoptionRefusedException;
import dev.autobaseline.engine.SchemaState;
import dev.autobaseline.spring.AdoptionRefusedFailureAnalyzer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static dev.autobaseline.autoconfigure.SqliteStartup.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AdoptionRefusedFailureAnalyzer}: the exact Description and Action of every
 * refusal that stops startup, each one provoked on a real SQLite file.
 */
class AdoptionRefusedFailureAnalyzerTests {

	private static final String UNTOUCHED = "Nothing was written to the database.";

	private static final String HISTORY = "\"main\".\"flyway_schema_history\"";

	private static final String FLYWAY_PATTERNS_LINK = "Need more flexibility with validation rules? Learn more:"
			+ " https://help.red-gate.com/help/flyway-cli12/help_4.aspx?topic=flyway-blog/older-posts/"
			+ "customize-validation-rules-with-ignoremigrationpatterns";

	@TempDir
	Path temp;

	private SqliteStartup app;

	private final AdoptionRefusedFailureAnalyzer analyzer = new AdoptionRefusedFailureAnalyzer();

	@BeforeEach
	void writeMigrations() throws Exception {
		this.app = new SqliteStartup(this.temp).migrations(
				"V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);",
				"V2__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER, title TEXT);",
				"V3__add_first_author.sql", "INSERT INTO author (id, name) VALUES (1, 'Ursula');");
	}

	@Test
	void analysisUsesRefusalsDescriptionAndAction() {
		AdoptionRefusedException refusal = new AdoptionRefusedException(SchemaState.UNMANAGED, Reason.NO_MATCH,
				"The database matches no migration version.", "Set autobaseline.mode=fixed.", null, null);
		Throwable failure = new BeanCreationException("flywayInitializer", "Invocation of init method failed",
				new IllegalStateException("wrapped", refusal));
		FailureAnalysis analysis = this.analyzer.analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("The database matches no migration version.");
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.mode=fixed.");
		assertThat(analysis.getCause()).isSameAs(refusal);
	}

	@Test
	void doesNotAnalyzeOtherFailures() {
		Throwable failure = new BeanCreationException("flywayInitializer", "Invocation of init method failed",
				new IllegalStateException("not a refusal"));
		assertThat(this.analyzer.analyze(failure)).isNull();
	}

	@Test
	void schemaMatchingNoVersionIsReportedWithEachDifference() throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT, nickname TEXT)");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer);
		assertThat(analysis.getDescription()).isEqualTo(lines(
				"The database (schema \"main\", UNMANAGED) matches no migration version at level columns. The closest is V1 with 1 difference:",
				"  - column author.nickname exists in the database but in no migration up to V1",
				"  (V1 already differs in tables or columns, so its column types, keys, indexes and other details were not"
						+ " compared)",
				UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Bring the schema in line with a migration version, or set"
				+ " autobaseline.ignore-tables to leave out tables that are not the application's,"
				+ " autobaseline.match=tables to compare table names only, or autobaseline.mode=fixed with"
				+ " autobaseline.fixed-version=<version> if you know the version.");
	}

	@Test
	void equallyGoodVersionsAreReportedWithOnAmbiguousFail() throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)",
				"CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER, title TEXT)");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer, "autobaseline.on-ambiguous=fail");
		assertThat(analysis.getDescription()).isEqualTo(lines("The database (schema \"main\", UNMANAGED) matches V2, V3 equally well (the migrations"
				+ " between them change data only) and autobaseline.on-ambiguous is fail.", UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.on-ambiguous=highest to treat the data migrations up to V3 as"
				+ " applied, autobaseline.on-ambiguous=lowest to run them, or autobaseline.mode=fixed with"
				+ " autobaseline.fixed-version=<version>.");
	}

	@Test
	void nonConsecutiveMatchIsReported() throws Exception {
		Path roundTrip = Files.createDirectories(this.temp.resolve("round-trip"));
		Files.writeString(roundTrip.resolve("V1__create_author.sql"), "CREATE TABLE author (id INTEGER PRIMARY KEY);");
		Files.writeString(roundTrip.resolve("V2__create_staging.sql"), "CREATE TABLE staging (id INTEGER);");
		Files.writeString(roundTrip.resolve("V3__drop_staging.sql"), "DROP TABLE staging;");
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY)");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer,
				"spring.flyway.locations=filesystem:" + roundTrip);
		assertThat(analysis.getDescription()).isEqualTo(lines("The database (schema \"main\", UNMANAGED) matches V1, V3 equally well, but versions"
				+ " between them do not match: baselining at any of them could skip or repeat data changes.", UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Find out which version the database is at and set autobaseline.mode=fixed with"
				+ " autobaseline.fixed-version=<version>.");
	}

	@Test
	void matchAboveTargetIsReported() throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)",
				"CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER, title TEXT)");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer, "spring.flyway.target=1");
		assertThat(analysis.getDescription()).isEqualTo(lines("The database (schema \"main\", UNMANAGED) matches V3, above spring.flyway.target.", UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Raise or remove spring.flyway.target, or point the application at the database it"
				+ " should migrate.");
	}

	@Test
	void baselineAtTheWrongVersionIsReportedWithTheRightOne() throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		this.app.flyway().baselineVersion("2").load().baseline();
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer);
		assertThat(analysis.getDescription()).isEqualTo(lines("The history table " + HISTORY + " holds a BASELINE row at version 2, but the schema"
				+ " matched V1: Flyway would skip or re-run migrations.", UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.rebaseline=true to rewrite the BASELINE row to version 1, or correct"
				+ " the row by hand.");
	}

	@Test
	void failedBaselineAttemptIsReportedWithTheVersionAndWhatNoCatalogShows() throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		this.app.flyway().baselineVersion("1").load().baseline();
		this.app.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
				+ " installed_by, execution_time, success) VALUES (2, '2', 'create book', 'SQL', 'V2__create_book.sql', 1,"
				+ " 'someone', 0, 0)");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer);
		assertThat(analysis.getDescription()).isEqualTo(lines("The history table " + HISTORY + " holds a BASELINE row at"
				+ " version 1 and 1 failed migration (V2) after it, and nothing applied successfully: an earlier attempt"
				+ " (baseline-on-migrate, say) failed. The schema matched V1. Where DDL is not transactional the failed"
				+ " script's statements before its error stay applied, and those that change data show in no catalog.",
				UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Check the data the failed migration may have changed (restore a backup"
				+ " if it must not stay), then set autobaseline.rebaseline=true: it sets the BASELINE row to version 1 and"
				+ " removes the failed rows in one transaction, and Flyway applies the migrations above it.");
	}

	@Test
	void failedMigrationInHistoryIsReported() throws Exception {
		this.app.flyway().load().migrate();
		this.app.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '3'");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer);
		assertThat(analysis.getDescription()).isEqualTo(lines("The history table " + HISTORY + " holds 1 failed migration (rows with success = false).",
				UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Undo what the failed migration changed, then set"
				+ " autobaseline.repair=true (it removes the failed rows once the schema matches the last successful"
				+ " version), or delete the rows from " + HISTORY + " by hand, and start again.");
	}

	@Test
	void checksumMismatchFoundByFlywaysValidationIsReported() throws Exception {
		this.app.flyway().load().migrate();
		this.app.migrations("V2__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer);
		assertThat(analysis.getDescription()).isEqualTo("Flyway's validation rejected the history in " + HISTORY + ": Validate failed:"
				+ " Migrations have failed validation\nMigration checksum mismatch for migration version 2\n"
				+ "-> Applied to database : -2130220320\n-> Resolved locally    : -1769278797\n"
				+ "Either revert the changes to the migration, or run repair to update the schema history.\n"
				+ FLYWAY_PATTERNS_LINK + "\nScripts concerned: V2__create_book.sql");
		assertThat(analysis.getAction()).isEqualTo("A migration script changed after it was applied. Restore the script as it was"
				+ " applied (from version control), or, if the database already has the change, record the new"
				+ " checksum with Flyway's repair (flyway repair, or Flyway.repair() once) and start again.");
	}

	@Test
	void appliedVersionTheApplicationDoesNotKnowIsReportedWithoutBootsIgnorePattern() throws Exception {
		this.app.flyway().load().migrate();
		Files.delete(this.app.migrationsFolder().resolve("V3__add_first_author.sql"));
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer,
				"spring.flyway.ignore-migration-patterns=");
		assertThat(analysis.getDescription()).isEqualTo("Flyway's validation rejected the history in " + HISTORY + ": Validate failed:"
				+ " Migrations have failed validation\nDetected applied migration not resolved locally: 3.\n"
				+ "If you removed this migration intentionally, run repair to mark the migration as deleted.\n"
				+ FLYWAY_PATTERNS_LINK + "\nScripts concerned: V3 add first author");
		assertThat(analysis.getAction()).isEqualTo("The database holds migrations this application does not have. Run the application"
				+ " version that has them, restore the missing scripts, or, if that is intended, set"
				+ " spring.flyway.ignore-migration-patterns (Spring Boot's default *:future lets versions above"
				+ " the application's latest through; *:missing also lets through removed ones).");
	}

	@Test
	void historyUnderAnotherNameIsReportedAsForeign() throws Exception {
		// An older setup kept this application's history as schema_version.
		this.app.flyway().table("schema_version").load().migrate();
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer);
		assertThat(analysis.getDescription()).isEqualTo(lines("There is no Flyway history in " + HISTORY + ", but"
				+ " schema_version records this application's migrations. Adopting would start a second history.",
				UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Point Flyway at the existing history with spring.flyway.table (and"
				+ " spring.flyway.default-schema), or list it in autobaseline.ignore-tables to adopt into " + HISTORY
				+ " anyway.");
	}

	@Test
	void mistypedLocationsAreReportedNamingTheProperty() throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		Path missing = this.temp.resolve("db/migratoin");
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer,
				"spring.flyway.locations=filesystem:" + missing);
		assertThat(analysis.getDescription()).isEqualTo(lines("The database (schema \"main\", UNMANAGED) is not empty, but"
				+ " Flyway found no versioned migration in spring.flyway.locations (filesystem:" + missing + "): without"
				+ " migrations there is no evidence of the version the schema is at.", UNTOUCHED));
		assertThat(analysis.getAction()).isEqualTo("Check spring.flyway.locations: it must name where the application's"
				+ " migrations are (for example classpath:db/migration, or filesystem:/path/to/migrations), and that place"
				+ " must hold versioned migrations (V1__....sql, Java migrations, B baseline scripts); repeatable (R__)"
				+ " migrations alone are not enough.");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(registeredAnalyzers()).filteredOn(AdoptionRefusedFailureAnalyzer.class::isInstance).hasSize(1);
	}

	/** The analyzers in spring.factories that the loader can build without constructor arguments. */
	static List<FailureAnalyzer> registeredAnalyzers() {
		List<Throwable> failures = new ArrayList<>();
		// Spring Boot's own analyzers may need constructor arguments this loader cannot give: ignore them.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(AdoptionRefusedFailureAnalyzerTests.class.getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, ex) -> failures.add(ex)));
		assertThat(failures).noneMatch((ex) -> String.valueOf(ex.getMessage()).contains("dev.autobaseline"));
		return analyzers;
	}

}
