package dev.autobaseline.spring;

import dev.autobaseline.replay.FlywayQuieter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Lowers {@code org.flywaydb} to WARN through Spring Boot's {@link LoggingSystem} while the
 * replay runs, then restores the configured level.
 */
public final class LoggingSystemFlywayQuieter implements FlywayQuieter {

	private static final String FLYWAY = "org.flywaydb";

	private final ObjectProvider<LoggingSystem> loggingSystem;

	public LoggingSystemFlywayQuieter(ObjectProvider<LoggingSystem> loggingSystem) {
		this.loggingSystem = loggingSystem;
	}

	@Override
	public Quiet quiet() {
		LoggingSystem system = this.loggingSystem.getIfAvailable();
		if (system == null) {
			return () -> {
			};
		}
		LoggerConfiguration configuration = system.getLoggerConfiguration(FLYWAY);
		LogLevel configured = (configuration != null) ? configuration.getConfiguredLevel() : null;
		system.setLogLevel(FLYWAY, LogLevel.WARN);
		return () -> system.setLogLevel(FLYWAY, configured);
	}

}
