package dev.autobaseline.dialect;

/**
 * Thrown when no shadow database can be had to replay migrations into.
 */
public class ShadowUnavailableException extends HostNamedException {

	public ShadowUnavailableException(String message, Throwable cause) {
		super("Flyway Autobaseline: " + message, cause);
	}

}
