package dev.autobaseline.autoconfigure;

import java.nio.file.Path;

import dev.autobaseline.spring.ReplayFailedFailureAnalyzer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplayFailedFailureAnalyzer}: a migration that needs a table no migration
 * creates fails on the empty shadow, on a real SQLite file.
 */
class ReplayFailedFailureAnalyzerTests {

	@TempDir
	Path temp;

	@Test
	void migrationThatFailsOnAnEmptyDatabaseIsReportedWithFlywaysAccountOfIt() throws Exception {
		SqliteStartup app = new SqliteStartup(this.temp).migrations(
				"V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);",
				"V2__fill_made_by_hand.sql", "INSERT INTO made_by_hand (id) VALUES (1);");
		app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)", "CREATE TABLE made_by_hand (id INTEGER)");
		FailureAnalysis analysis = app.analyzeStartupFailure(new ReplayFailedFailureAnalyzer());
		Path script = app.migrationsFolder().resolve("V2__fill_made_by_hand.sql");
		assertThat(analysis.getDescription()).isEqualTo(SqliteStartup.lines("Flyway Autobaseline replays the"
				+ " migrations into an empty shadow database to detect the version of the live one, and the replay"
				+ " failed, so the version is unknown. Nothing was written to the live database. The replay failed"
				+ " with:", "", String.join("\n", "Failed to execute script V2__fill_made_by_hand.sql",
						"--------------------------------------------------", "SQL State  : null", "Error Code : 1",
						"Message    : [SQLITE_ERROR] SQL error or missing database (no such table: made_by_hand)",
						"Location   : " + script + " (" + script + ")", "Line       : 1",
						"Statement  : Run Flyway with -X option to see the actual statement causing the problem")));
		assertThat(analysis.getAction()).isEqualTo("Make the failing migration run on an empty database (the replay is"
				+ " a fresh install: every script runs from V1 on, in order), or adopt without a replay:"
				+ " autobaseline.mode=fixed with autobaseline.fixed-version=<version>.");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(AdoptionRefusedFailureAnalyzerTests.registeredAnalyzers())
			.filteredOn(ReplayFailedFailureAnalyzer.class::isInstance)
			.hasSize(1);
	}

}
