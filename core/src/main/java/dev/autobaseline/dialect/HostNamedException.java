package dev.autobaseline.dialect;

import java.util.function.UnaryOperator;

/**
 * An error of the engine whose texts name what the user sets: written in Spring Boot's terms, and
 * renamed by the host's naming once it is handed over ({@link #nameFor}).
 */
public abstract class HostNamedException extends RuntimeException implements HostNamed {

	private transient UnaryOperator<String> naming = UnaryOperator.identity();

	protected HostNamedException(String message) {
		super(message);
	}

	protected HostNamedException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public void nameFor(UnaryOperator<String> naming) {
		this.naming = naming;
	}

	@Override
	public String getMessage() {
		return named(super.getMessage());
	}

	/** A text of this error in the host's names. */
	protected String named(String text) {
		return this.naming.apply(text);
	}

}
