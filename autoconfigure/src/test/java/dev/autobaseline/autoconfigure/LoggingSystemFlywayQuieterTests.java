package dev.autobaseline.autoconfigure;

import dev.autobaseline.replay.FlywayQuieter.Quiet;
import dev.autobaseline.spring.LoggingSystemFlywayQuieter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoggingSystemFlywayQuieter} with the real (Logback) {@link LoggingSystem}.
 */
class LoggingSystemFlywayQuieterTests {

	private static final String FLYWAY = "org.flywaydb";

	private LoggingSystem loggingSystem;

	private LogLevel levelBefore;

	@BeforeEach
	void rememberFlywayLevel() {
		this.loggingSystem = LoggingSystem.get(getClass().getClassLoader());
		this.levelBefore = configuredLevel();
	}

	@AfterEach
	void restoreFlywayLevel() {
		this.loggingSystem.setLogLevel(FLYWAY, this.levelBefore);
	}

	@Test
	void quietSetsFlywayToWarnAndCloseRestoresConfiguredLevel() {
		this.loggingSystem.setLogLevel(FLYWAY, LogLevel.DEBUG);
		LoggingSystemFlywayQuieter quieter = quieter(this.loggingSystem);
		try (Quiet quiet = quieter.quiet()) {
			assertThat(configuredLevel()).isEqualTo(LogLevel.WARN);
			assertThat(effectiveLevel()).isEqualTo(LogLevel.WARN);
		}
		assertThat(configuredLevel()).isEqualTo(LogLevel.DEBUG);
	}

	@Test
	void closeRestoresNoConfiguredLevel() {
		this.loggingSystem.setLogLevel(FLYWAY, null);
		assertThat(configuredLevel()).isNull();
		try (Quiet quiet = quieter(this.loggingSystem).quiet()) {
			assertThat(configuredLevel()).isEqualTo(LogLevel.WARN);
		}
		assertThat(configuredLevel()).isNull();
		// Inherited from the root again.
		assertThat(effectiveLevel()).isEqualTo(
				this.loggingSystem.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getEffectiveLevel());
	}

	@Test
	void isNoOpWithoutLoggingSystem() {
		this.loggingSystem.setLogLevel(FLYWAY, LogLevel.DEBUG);
		LoggingSystemFlywayQuieter quieter = new LoggingSystemFlywayQuieter(
				new StaticListableBeanFactory().getBeanProvider(LoggingSystem.class));
		try (Quiet quiet = quieter.quiet()) {
			assertThat(configuredLevel()).isEqualTo(LogLevel.DEBUG);
		}
		assertThat(configuredLevel()).isEqualTo(LogLevel.DEBUG);
	}

	private LogLevel configuredLevel() {
		LoggerConfiguration configuration = this.loggingSystem.getLoggerConfiguration(FLYWAY);
		return (configuration != null) ? configuration.getConfiguredLevel() : null;
	}

	private LogLevel effectiveLevel() {
		return this.loggingSystem.getLoggerConfiguration(FLYWAY).getEffectiveLevel();
	}

	private static LoggingSystemFlywayQuieter quieter(LoggingSystem loggingSystem) {
		StaticListableBeanFactory beanFactory = new StaticListableBeanFactory();
		beanFactory.addBean("springBootLoggingSystem", loggingSystem);
		return new LoggingSystemFlywayQuieter(beanFactory.getBeanProvider(LoggingSystem.class));
	}

}
