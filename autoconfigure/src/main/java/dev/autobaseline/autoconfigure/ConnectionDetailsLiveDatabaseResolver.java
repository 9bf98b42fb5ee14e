package dev.autobaseline.autoconfigure;

import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.engine.LiveDatabaseResolver;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Reaches the live database the way Spring Boot's Flyway configuration does: Flyway's own
 * connection details where {@code spring.flyway.url} (or its user) is set, else the
 * application's DataSource details. The DataSource itself is the one Flyway migrates through.
 */
final class ConnectionDetailsLiveDatabaseResolver implements LiveDatabaseResolver {

	private final ObjectProvider<FlywayConnectionDetails> flywayDetails;

	private final ObjectProvider<JdbcConnectionDetails> jdbcDetails;

	ConnectionDetailsLiveDatabaseResolver(ObjectProvider<FlywayConnectionDetails> flywayDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcDetails) {
		this.flywayDetails = flywayDetails;
		this.jdbcDetails = jdbcDetails;
	}

	@Override
	public LiveDatabase resolve(Configuration configuration) {
		FlywayConnectionDetails flyway = this.flywayDetails.getIfAvailable();
		JdbcConnectionDetails jdbc = this.jdbcDetails.getIfAvailable();
		String url = first((flyway != null) ? flyway.getJdbcUrl() : null, (jdbc != null) ? jdbc.getJdbcUrl() : null);
		String username = first((flyway != null) ? flyway.getUsername() : null, (jdbc != null) ? jdbc.getUsername() : null);
		String password = first((flyway != null) ? flyway.getPassword() : null, (jdbc != null) ? jdbc.getPassword() : null);
		return new LiveDatabase(configuration.getDataSource(), url, username, password);
	}

	private static String first(String preferred, String fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
