package dev.autobaseline.boot3;

import dev.autobaseline.engine.LiveDatabaseResolver;
import dev.autobaseline.spring.gluetest.Glue;
import dev.autobaseline.spring.gluetest.RecordedMigrations;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Boot 3's packages, for the glue tests every line runs. */
final class Boot3Glue implements Glue {

	@Override
	public String line() {
		return "3.5.";
	}

	@Override
	public String flywayLine() {
		return "11.7.";
	}

	@Override
	public AutoConfigurations autoConfigurations() {
		return AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				AutobaselineAutoConfiguration.class);
	}

	@Override
	public Class<?> migrationStrategyType() {
		return FlywayMigrationStrategy.class;
	}

	@Override
	public Class<? extends RecordedMigrations> recordingStrategyConfiguration() {
		return UserStrategyConfiguration.class;
	}

	@Override
	public LiveDatabaseResolver resolver(ApplicationContext context) {
		return AutobaselineAutoConfiguration.resolver(context.getBeanProvider(FlywayConnectionDetails.class),
				context.getBeanProvider(JdbcConnectionDetails.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStrategyConfiguration extends RecordedMigrations {

		@Bean
		FlywayMigrationStrategy userStrategy() {
			return this::record;
		}

	}

}
