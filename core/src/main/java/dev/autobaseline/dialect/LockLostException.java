package dev.autobaseline.dialect;

import java.util.function.UnaryOperator;

/**
 * Thrown when the adoption lock was lost before a comparison or a write (its session ended, say
 * after {@code wait_timeout}): another instance may be adopting, so nothing more is written.
 */
public class LockLostException extends IllegalStateException implements HostNamed {

	private transient UnaryOperator<String> naming = UnaryOperator.identity();

	public LockLostException(String lock) {
		super("Flyway Autobaseline lost the adoption lock (" + lock + ") before it compared or wrote: its session"
				+ " ended. Another instance may be adopting now; nothing more was written. Start again.");
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
