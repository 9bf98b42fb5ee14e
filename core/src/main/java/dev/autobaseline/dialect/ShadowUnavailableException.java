package dev.autobaseline.dialect;

import java.util.function.UnaryOperator;

/**
 * Thrown when no shadow database can be had to replay migrations into.
 */
public class ShadowUnavailableException extends RuntimeException implements HostNamed {

	private transient UnaryOperator<String> naming = UnaryOperator.identity();

	public ShadowUnavailableException(String message, Throwable cause) {
		super("Flyway Autobaseline: " + message, cause);
	}

	@Override
	public void nameFor(UnaryOperator<String> naming) {
		this.naming = naming;
	}

	@Override
	public String getMessage() {
		return this.naming.apply(super.getMessage());
	}

}
