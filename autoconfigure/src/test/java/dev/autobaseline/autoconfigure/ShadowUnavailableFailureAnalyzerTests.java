package dev.autobaseline.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.spring.ShadowUnavailableFailureAnalyzer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShadowUnavailableFailureAnalyzer}, on a database of the real PostgreSQL server
 * whose configured shadow is not empty.
 */
class ShadowUnavailableFailureAnalyzerTests {

	@TempDir
	Path temp;

	private PostgresqlServer.Database live;

	private PostgresqlServer.Database shadow;

	@BeforeEach
	void createDatabases() throws Exception {
		this.live = PostgresqlServer.createDatabase("analyzer_live");
		this.shadow = PostgresqlServer.createDatabase("analyzer_shadow");
	}

	@AfterEach
	void dropDatabases() throws Exception {
		this.live.close();
		this.shadow.close();
	}

	@Test
	void shadowThatIsNotEmptyIsReportedWithTheWaysToProvideOne() throws Exception {
		SqliteStartup migrations = new SqliteStartup(this.temp).migrations("V1__create_author.sql",
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);");
		this.live.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		this.shadow.execute("CREATE TABLE someone_elses (id INTEGER)");
		List<String> properties = new ArrayList<>(PostgresqlServer.datasourceProperties(this.live.url()));
		properties.add("autobaseline.shadow.url=" + this.shadow.url());
		FailureAnalysis analysis = migrations.analyzeStartupFailure(new ShadowUnavailableFailureAnalyzer(),
				properties.toArray(String[]::new));
		assertThat(analysis.getDescription()).isEqualTo(SqliteStartup.lines("Flyway Autobaseline detects the"
				+ " version of the database by replaying the migrations into an empty shadow database, and it could"
				+ " not get one: autobaseline.shadow.url " + this.shadow.url() + " is not empty and holds no marker of an"
				+ " interrupted replay; it must point at an empty database used for nothing else (never the live one).",
				"Nothing was written to the live database."));
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.shadow.url (with autobaseline.shadow.username and"
				+ " autobaseline.shadow.password) to an empty database of the same engine that the starter may use, or"
				+ " grant the application's database role CREATEDB so that it can create a temporary one, or adopt"
				+ " without a replay: autobaseline.mode=fixed with autobaseline.fixed-version=<version>.");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(AdoptionRefusedFailureAnalyzerTests.registeredAnalyzers())
			.filteredOn(ShadowUnavailableFailureAnalyzer.class::isInstance)
			.hasSize(1);
	}

}
