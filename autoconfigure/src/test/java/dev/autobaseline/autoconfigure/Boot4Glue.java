package dev.autobaseline.autoconfigure;

import dev.autobaseline.engine.LiveDatabaseResolver;
import dev.autobaseline.spring.gluetest.Glue;
import dev.autobaseline.spring.gluetest.RecordedMigrations;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Boot 4's packages, for the glue tests every line runs. */
final class Boot4Glue implements Glue {

	@Override
	public String line() {
		return "4.";
	}

	@Override
	public String flywayLine() {
		return "12.";
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
