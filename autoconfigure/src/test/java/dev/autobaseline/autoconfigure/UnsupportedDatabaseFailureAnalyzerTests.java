package dev.autobaseline.autoconfigure;

import dev.autobaseline.dialect.UnsupportedDatabaseException;
import dev.autobaseline.spring.UnsupportedDatabaseFailureAnalyzer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnsupportedDatabaseFailureAnalyzer}. The test class path has no driver of an
 * engine the starter does not support, so the failure is built as the engine throws it.
 */
class UnsupportedDatabaseFailureAnalyzerTests {

	@Test
	void unsupportedEngineIsReportedWithoutTheUrlsQueryString() {
		Throwable failure = new BeanCreationException("flywayInitializer", "Invocation of init method failed",
				new UnsupportedDatabaseException("jdbc:oracle:thin:@//db.example.com:1521/app?password=secret"));
		FailureAnalysis analysis = new UnsupportedDatabaseFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline adopts SQLite, PostgreSQL and MariaDB databases,"
				+ " but Flyway migrates the database at jdbc:oracle:thin:@//db.example.com:1521/app. Nothing was written to the"
				+ " database.");
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.enabled=false to let Spring Boot's Flyway"
				+ " migrate this database without adoption, or point spring.datasource.url (or spring.flyway.url) at a"
				+ " SQLite, PostgreSQL or MariaDB database.");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(AdoptionRefusedFailureAnalyzerTests.registeredAnalyzers())
			.filteredOn(UnsupportedDatabaseFailureAnalyzer.class::isInstance)
			.hasSize(1);
	}

}
