package dev.autobaseline.autoconfigure;

import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.AutobaselineSettings;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that adopts a database with objects but no Flyway history before Flyway
 * migrates it, through Spring Boot's {@link FlywayMigrationStrategy} hook.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class })
@ConditionalOnBooleanProperty(name = "autobaseline.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AutobaselineProperties.class)
public final class AutobaselineAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Autobaseline autobaseline(AutobaselineProperties properties,
			ObjectProvider<FlywayConnectionDetails> flywayConnectionDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails, ObjectProvider<LoggingSystem> loggingSystem) {
		return new Autobaseline(settings(properties),
				new ConnectionDetailsLiveDatabaseResolver(flywayConnectionDetails, jdbcConnectionDetails),
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
		return new UncalledStarterWarning(autobaseline, beanFactory);
	}

	static AutobaselineSettings settings(AutobaselineProperties properties) {
		AutobaselineProperties.Shadow shadow = properties.getShadow();
		return new AutobaselineSettings(properties.getMode(), properties.getFixedVersion(), properties.getMatch(),
				properties.getOnAmbiguous(), properties.getIgnoreTables(), properties.isDryRun(),
				properties.isRebaseline(),
				new ShadowSettings(shadow.getUrl(), shadow.getUsername(), shadow.getPassword()),
				properties.getLockTimeout(), properties.getReplay().getTimeout(), properties.getBackup().isEnabled(),
				properties.getBackup().getDirectory(), properties.getRecord(), properties.isRepair(),
				properties.isVerifyManaged(), properties.getReplay().isAllowClusterStatements(),
				properties.getReplay().getJavaMigrationBeans(), properties.getMysql().isEnabled());
	}

}
