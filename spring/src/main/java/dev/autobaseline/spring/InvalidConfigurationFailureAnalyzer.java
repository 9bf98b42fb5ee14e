package dev.autobaseline.spring;

import java.time.Duration;

import dev.autobaseline.engine.InvalidConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@code autobaseline.*} value the starter cannot use, with what a valid one looks
 * like.
 */
public class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		String description = "Flyway Autobaseline cannot use " + cause.getProperty() + "=" + value(cause.getValue()) + ": it "
				+ cause.getReason() + ". Nothing was written to the database.";
		return new FailureAnalysis(description, action(cause.getProperty()), cause);
	}

	/** The value as the user wrote it where it can be told: {@code -5s} rather than {@code PT-5S}. */
	private static String value(String value) {
		try {
			return DurationText.of(Duration.parse(value));
		}
		catch (RuntimeException ex) {
			return value;
		}
	}

	private static String action(String property) {
		return switch (property) {
			case "autobaseline.fixed-version" -> "Set autobaseline.fixed-version to the version of one of the"
					+ " application's migrations (0 runs them all), or remove it to use spring.flyway.baseline-version.";
			case "autobaseline.lock-timeout", "autobaseline.replay.timeout" ->
				"Set " + property + " to zero or a positive duration, such as 90s or 10m.";
			case "autobaseline.backup.directory" -> "Point autobaseline.backup.directory at a folder the application"
					+ " may write to, remove it to keep backups next to the database file, or set"
					+ " autobaseline.backup.enabled=false.";
			case "autobaseline.shadow.url" -> "Set autobaseline.shadow.url to the JDBC URL of an empty database of the"
					+ " live database's engine, or remove it to let the starter create a temporary one.";
			default -> "Correct " + property + ", or remove it to use its default.";
		};
	}

}
