package dev.autobaseline.sample;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Builds the database release 1.1 had before it used Flyway (see {@link LegacyDatabase}), so
 * that the next ordinary start shows an adoption. Only in the {@code seed-legacy} profile, which
 * also switches Flyway and the starter off for that run.
 */
@Component
@Profile("seed-legacy")
class LegacyDatabaseSeeder implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(LegacyDatabaseSeeder.class);

	private final DataSource dataSource;

	LegacyDatabaseSeeder(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			String url = connection.getMetaData().getURL();
			if (!LegacyDatabase.isBlank(connection)) {
				throw new IllegalStateException("The database at " + url + " already has tables; seed-legacy only "
						+ "builds a fresh pre-Flyway database. Delete it or point spring.datasource.url elsewhere.");
			}
			LegacyDatabase.build(connection);
			logger.info("Built the pre-Flyway release 1.1 database at " + url
					+ "; start the application without the seed-legacy profile to see it adopted");
		}
	}

}
