package dev.autobaseline.engine;

import dev.autobaseline.dialect.HostNamedException;

/**
 * Thrown before anything is written when a property has a value the starter cannot use.
 */
public class InvalidConfigurationException extends HostNamedException {

	private final String property;

	private final String value;

	private final String reason;

	public InvalidConfigurationException(String property, Object value, String reason) {
		super("Flyway Autobaseline: " + property + "=" + value + " " + reason + ". Nothing was written.");
		this.property = property;
		this.value = String.valueOf(value);
		this.reason = reason;
	}

	/** The property, e.g. {@code autobaseline.fixed-version}. */
	public String getProperty() {
		return this.property;
	}

	public String getValue() {
		return this.value;
	}

	/** Why the value cannot be used, e.g. {@code is not a Flyway version}. */
	public String getReason() {
		return this.reason;
	}

}
