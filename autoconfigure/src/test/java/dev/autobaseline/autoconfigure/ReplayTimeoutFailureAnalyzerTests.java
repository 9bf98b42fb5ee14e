package dev.autobaseline.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import dev.autobaseline.dialect.postgresql.PostgresqlDialect;
import dev.autobaseline.replay.ReplayTimeoutException;
import dev.autobaseline.spring.ReplayTimeoutFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReplayTimeoutFailureAnalyzer}.
 */
class ReplayTimeoutFailureAnalyzerTests {

	@TempDir
	Path temp;

	@Test
	void replayLongerThanTheTimeoutIsReportedWithTheProperty() throws Exception {
		SqliteStartup app = new SqliteStartup(this.temp).migrations(
				"V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);",
				"V2__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);");
		app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		FailureAnalysis analysis = app.analyzeStartupFailure(new ReplayTimeoutFailureAnalyzer(),
				"autobaseline.replay.timeout=1ms");
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline stopped the replay of the migrations into"
				+ " an empty shadow database after autobaseline.replay.timeout (1ms), so the version of the database is"
				+ " unknown. Nothing was written to the live database.");
		assertThat(analysis.getAction()).isEqualTo("Raise autobaseline.replay.timeout (0 means no bound) if the"
				+ " migrations need longer on an empty database, or adopt without a replay: autobaseline.mode=fixed"
				+ " with autobaseline.fixed-version=<version>.");
	}

	@Test
	void migrationWaitingForALockIsReportedWithFlywaysTransactionalLock() {
		Throwable failure = new BeanCreationException("flywayInitializer", "Invocation of init method failed",
				new ReplayTimeoutException("temporary database \"autobaseline_shadow_1\"", Duration.ofMinutes(10),
						new PostgresqlDialect().lockWaitAdvice(), null));
		FailureAnalysis analysis = new ReplayTimeoutFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline stopped the replay of the migrations into"
				+ " an empty shadow database after autobaseline.replay.timeout (10m): a migration waited that long for a"
				+ " lock, so the version of the database is unknown. Nothing was written to the live database.");
		assertThat(analysis.getAction()).isEqualTo("CREATE INDEX CONCURRENTLY waits for Flyway's own transaction under"
				+ " its default transactional lock. Set spring.flyway.postgresql.transactional-lock=false, or raise"
				+ " autobaseline.replay.timeout if another session held the lock.");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(AdoptionRefusedFailureAnalyzerTests.registeredAnalyzers())
			.filteredOn(ReplayTimeoutFailureAnalyzer.class::isInstance)
			.hasSize(1);
	}

}
