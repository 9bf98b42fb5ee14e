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
		// As FlywayAutoConfiguration builds Flyway's DataSource: its own URL brings its own
		// credentials; its own user alone is applied to the application's URL.
		if (flyway != null && flyway.getJdbcUrl() != null) {
			return new LiveDatabase(configuration.getDataSource(), flyway.getJdbcUrl(), flyway.getUsername(),
					flyway.getPassword());
		}
		String url = (jdbc != null) ? jdbc.getJdbcUrl() : null;
		String jdbcUser = (jdbc != null) ? jdbc.getUsername() : null;
		String jdbcPassword = (jdbc != null) ? jdbc.getPassword() : null;
		if (flyway != null && flyway.getUsername() != null) {
			return new LiveDatabase(configuration.getDataSource(), url, flyway.getUsername(),
					first(flyway.getPassword(), jdbcPassword));
		}
		return new LiveDatabase(configuration.getDataSource(), url, jdbcUser, jdbcPassword);
	}

	private static String first(String preferred, String fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
