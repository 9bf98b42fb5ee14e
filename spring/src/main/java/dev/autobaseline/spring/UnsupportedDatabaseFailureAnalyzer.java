package dev.autobaseline.spring;

import dev.autobaseline.dialect.UnsupportedDatabaseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a database engine the starter does not support, with the property that switches it off.
 */
public class UnsupportedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedDatabaseException cause) {
		if (cause.getReason() != null) {
			return new FailureAnalysis("Flyway Autobaseline cannot adopt the database at " + cause.getJdbcUrl() + ": "
					+ cause.getReason() + " Nothing was written to the database.",
					"Set autobaseline.enabled=false to let Spring Boot's Flyway migrate this database without adoption,"
							+ " or change the setup as the description says.", cause);
		}
		String description = "Flyway Autobaseline adopts SQLite, PostgreSQL and MariaDB databases, but Flyway migrates the"
				+ " database at " + cause.getJdbcUrl() + ". Nothing was written to the database.";
		String action = "Set autobaseline.enabled=false to let Spring Boot's Flyway migrate this database without"
				+ " adoption, or point spring.datasource.url (or spring.flyway.url) at a SQLite, PostgreSQL or MariaDB database.";
		return new FailureAnalysis(description, action, cause);
	}

}
