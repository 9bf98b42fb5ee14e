package dev.autobaseline.sample;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: the whole story in one run. A database with neither the app's
 * tables nor a Flyway history is first built the way release 1.1 built it, before Flyway, as
 * soon as its DataSource exists, so that the starter then adopts it and Flyway migrates it. A
 * database that already has tables is left as it is (the second run of the demo is an ordinary
 * boot of a managed database).
 */
@Component
@Profile("demo")
class DemoDatabaseSeeder implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(DemoDatabaseSeeder.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			seedIfBlank(dataSource);
		}
		return bean;
	}

	private static void seedIfBlank(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			if (LegacyDatabase.isBlank(connection)) {
				LegacyDatabase.build(connection);
				logger.info("demo: built the pre-Flyway release 1.1 database at " + connection.getMetaData().getURL()
						+ " (3 people, 2 meals, 3 expenses, no Flyway history); the starter adopts it next");
			}
		}
		catch (SQLException ex) {
			throw new BeanInitializationException("demo: could not build the release 1.1 database", ex);
		}
	}

}
