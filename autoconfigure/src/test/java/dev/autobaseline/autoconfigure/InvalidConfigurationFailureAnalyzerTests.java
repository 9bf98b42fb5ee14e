package dev.autobaseline.autoconfigure;

import java.nio.file.Path;

import dev.autobaseline.spring.InvalidConfigurationFailureAnalyzer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidConfigurationFailureAnalyzer}, on a legacy SQLite file that a valid
 * configuration would adopt.
 */
class InvalidConfigurationFailureAnalyzerTests {

	@TempDir
	Path temp;

	private SqliteStartup app;

	private final InvalidConfigurationFailureAnalyzer analyzer = new InvalidConfigurationFailureAnalyzer();

	@BeforeEach
	void createLegacyDatabase() throws Exception {
		this.app = new SqliteStartup(this.temp).migrations(
				"V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);",
				"V2__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);");
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
	}

	@Test
	void fixedVersionThatIsNoVersionIsReportedWithWhatAVersionLooksLike() {
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer, "autobaseline.mode=fixed",
				"autobaseline.fixed-version=v1.0-final");
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline cannot use"
				+ " autobaseline.fixed-version=v1.0-final: it is not a Flyway version such as 1, 1.2 or 2024.01.15."
				+ " Nothing was written to the database.");
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.fixed-version to the version of one of the"
				+ " application's migrations (0 runs them all), or remove it to use spring.flyway.baseline-version.");
	}

	@Test
	void fixedVersionOfNoMigrationIsReported() {
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer, "autobaseline.mode=fixed",
				"autobaseline.fixed-version=7");
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline cannot use autobaseline.fixed-version=7:"
				+ " it names no migration of the application (use the version of one, or 0 to run them all). Nothing"
				+ " was written to the database.");
	}

	@Test
	void negativeLockTimeoutIsReportedWithWhatADurationLooksLike() {
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer, "autobaseline.lock-timeout=-5s");
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline cannot use autobaseline.lock-timeout=-5s:"
				+ " it must be zero or positive. Nothing was written to the database.");
		assertThat(analysis.getAction())
			.isEqualTo("Set autobaseline.lock-timeout to zero or a positive duration, such as 90s or 10m.");
	}

	@Test
	void shadowOfAnotherEngineIsReported() {
		FailureAnalysis analysis = this.app.analyzeStartupFailure(this.analyzer,
				"autobaseline.shadow.url=jdbc:postgresql://127.0.0.1:5432/shadow");
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline cannot use"
				+ " autobaseline.shadow.url=jdbc:postgresql://127.0.0.1:5432/shadow: it is a PostgreSQL database, but the"
				+ " live database is SQLite: the shadow must be of the live engine. Nothing was written to the database.");
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.shadow.url to the JDBC URL of an empty database of"
				+ " the live database's engine, or remove it to let the starter create a temporary one.");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(AdoptionRefusedFailureAnalyzerTests.registeredAnalyzers())
			.filteredOn(InvalidConfigurationFailureAnalyzer.class::isInstance)
			.hasSize(1);
	}

}
