package dev.autobaseline.engine;

import dev.autobaseline.dialect.LiveDatabase;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Finds how to reach the database a Flyway configuration migrates.
 */
@FunctionalInterface
public interface LiveDatabaseResolver {

	/** The configuration's DataSource, with whatever URL and credentials Flyway itself was given. */
	LiveDatabaseResolver FROM_FLYWAY = (configuration) -> new LiveDatabase(configuration.getDataSource(),
			configuration.getUrl(), configuration.getUser(), configuration.getPassword());

	LiveDatabase resolve(Configuration configuration);

}
