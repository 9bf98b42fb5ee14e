package dev.autobaseline.autoconfigure;

import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.spring.AutobaselineProperties;
import dev.autobaseline.spring.HibernateDdlAutoWarning;
import dev.autobaseline.spring.LoggingSystemFlywayQuieter;
import dev.autobaseline.spring.SpringLiveDatabaseResolver;
import dev.autobaseline.spring.SpringLiveDatabaseResolver.ConnectionDetails;
import dev.autobaseline.spring.UncalledStarterWarning;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that adopts a database with objects but no Flyway history before Flyway
 * migrates it, through Spring Boot 4's {@link FlywayMigrationStrategy} hook.
 * <p>
 * Beside the Spring Boot 3 glue (mid-upgrade) only the running line's glue works. Spring Boot 4's
 * Flyway package alone does not tell the line: the Boot 4 starter in a Spring Boot 3 application
 * brings {@code spring-boot-flyway} 4, which that application's BOM does not manage. So the
 * condition also names a class that only Spring Boot 4's own {@code spring-boot} jar has (the
 * BOM of either line manages that jar).
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(value = { Flyway.class, FlywayMigrationStrategy.class },
		name = "org.springframework.boot.EnvironmentPostProcessor")
@ConditionalOnBooleanProperty(name = "autobaseline.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AutobaselineProperties.class)
public final class AutobaselineAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Autobaseline autobaseline(AutobaselineProperties properties,
			ObjectProvider<FlywayConnectionDetails> flywayConnectionDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails, ObjectProvider<LoggingSystem> loggingSystem) {
		return new Autobaseline(properties.toSettings(), resolver(flywayConnectionDetails, jdbcConnectionDetails),
				new LoggingSystemFlywayQuieter(loggingSystem));
	}

	@Bean
	@ConditionalOnMissingBean(FlywayMigrationStrategy.class)
	AutobaselineMigrationStrategy autobaselineFlywayMigrationStrategy(Autobaseline autobaseline,
			Environment environment) {
		return new AutobaselineMigrationStrategy(autobaseline, new HibernateDdlAutoWarning(environment));
	}

	@Bean
	UncalledStarterWarning autobaselineUncalledStarterWarning(Autobaseline autobaseline,
			ListableBeanFactory beanFactory) {
		return new UncalledStarterWarning(autobaseline, beanFactory, FlywayMigrationInitializer.class,
				FlywayMigrationStrategy.class);
	}

	/** Reaches the live database as this line's Flyway auto-configuration does. */
	static SpringLiveDatabaseResolver resolver(ObjectProvider<FlywayConnectionDetails> flywayConnectionDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
		return new SpringLiveDatabaseResolver(() -> flyway(flywayConnectionDetails.getIfAvailable()),
				() -> jdbc(jdbcConnectionDetails.getIfAvailable()));
	}

	private static ConnectionDetails flyway(FlywayConnectionDetails details) {
		return (details != null) ? new ConnectionDetails(details.getJdbcUrl(), details.getUsername(),
				details.getPassword()) : null;
	}

	private static ConnectionDetails jdbc(JdbcConnectionDetails details) {
		return (details != null) ? new ConnectionDetails(details.getJdbcUrl(), details.getUsername(),
				details.getPassword()) : null;
	}

}
