package dev.autobaseline.spring;

import javax.sql.DataSource;

import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.engine.LiveDatabaseResolver;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import java.util.function.Supplier;

import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

/**
 * Reaches the live database the way Spring Boot's Flyway configuration does: Flyway's own
 * connection details where {@code spring.flyway.url} (or its user) is set, else the
 * application's DataSource details. The DataSource itself is the one Flyway migrates through.
 * <p>
 * Connection details describe the configured database only. A Flyway of the application's own on
 * another DataSource, or an embedded database a test put in place of the configured one, is
 * reached with what that DataSource (or Flyway's configuration) says about itself.
 * <p>
 * Each Spring Boot line keeps its connection details in packages of its own: its glue hands them
 * over as {@link ConnectionDetails}.
 */
public final class SpringLiveDatabaseResolver implements LiveDatabaseResolver {

	private final Supplier<ConnectionDetails> flywayDetails;

	private final Supplier<ConnectionDetails> jdbcDetails;

	/**
	 * @param flywayDetails Flyway's own connection details ({@code spring.flyway.url}, user,
	 * password), or a supplier of {@code null} where there are none
	 * @param jdbcDetails the application's DataSource connection details, or a supplier of
	 * {@code null}
	 */
	public SpringLiveDatabaseResolver(Supplier<ConnectionDetails> flywayDetails,
			Supplier<ConnectionDetails> jdbcDetails) {
		this.flywayDetails = flywayDetails;
		this.jdbcDetails = jdbcDetails;
	}

	/** What a line's {@code FlywayConnectionDetails} or {@code JdbcConnectionDetails} say. */
	public record ConnectionDetails(String jdbcUrl, String username, String password) {
	}

	@Override
	public LiveDatabase resolve(Configuration configuration) {
		DataSource dataSource = configuration.getDataSource();
		LiveDatabase configured = fromConnectionDetails(dataSource);
		if (configured.jdbcUrl() != null && describes(dataSource, configured.jdbcUrl())) {
			return configured;
		}
		if (configuration.getUrl() != null) {
			// Flyway.configure().dataSource(url, user, password): Flyway knows its credentials.
			return LiveDatabaseResolver.FROM_FLYWAY.resolve(configuration);
		}
		return fromDataSource(dataSource);
	}

	private LiveDatabase fromConnectionDetails(DataSource dataSource) {
		ConnectionDetails flyway = this.flywayDetails.get();
		ConnectionDetails jdbc = this.jdbcDetails.get();
		// As FlywayAutoConfiguration builds Flyway's DataSource: its own URL brings its own
		// credentials; its own user alone is applied to the application's URL.
		if (flyway != null && flyway.jdbcUrl() != null) {
			return new LiveDatabase(dataSource, flyway.jdbcUrl(), flyway.username(), flyway.password());
		}
		String url = (jdbc != null) ? jdbc.jdbcUrl() : null;
		String jdbcUser = (jdbc != null) ? jdbc.username() : null;
		String jdbcPassword = (jdbc != null) ? jdbc.password() : null;
		if (flyway != null && flyway.username() != null) {
			return new LiveDatabase(dataSource, url, flyway.username(), first(flyway.password(), jdbcPassword));
		}
		return new LiveDatabase(dataSource, url, jdbcUser, jdbcPassword);
	}

	/** Whether the DataSource is the one the connection details describe, as far as it tells. */
	private static boolean describes(DataSource dataSource, String url) {
		if (isEmbedded(dataSource)) {
			return false;
		}
		String own = property(dataSource, "jdbcUrl", "url");
		return own == null || own.equals(url);
	}

	/** An embedded in-memory database Spring built, such as a test's replacement DataSource. */
	public static boolean isEmbedded(DataSource dataSource) {
		return dataSource instanceof EmbeddedDatabase || DataSourceUnwrapper.unwrap(dataSource, EmbeddedDatabase.class) != null;
	}

	/** What a pool or driver DataSource says about itself; the URL is asked from a connection if it does not. */
	private static LiveDatabase fromDataSource(DataSource dataSource) {
		return new LiveDatabase(dataSource, isEmbedded(dataSource) ? null : property(dataSource, "jdbcUrl", "url"),
				property(dataSource, "username", "user"), property(dataSource, "password"));
	}

	private static String property(DataSource dataSource, String... names) {
		DataSource target = dataSource;
		while (target instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
			target = delegating.getTargetDataSource();
		}
		BeanWrapper wrapper = new BeanWrapperImpl(target);
		for (String name : names) {
			if (wrapper.isReadableProperty(name)) {
				try {
					if (wrapper.getPropertyValue(name) instanceof String value) {
						return value;
					}
				}
				catch (RuntimeException ex) {
					// A getter that refuses to answer (some pools once started): not known.
				}
			}
		}
		return null;
	}

	private static String first(String preferred, String fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
