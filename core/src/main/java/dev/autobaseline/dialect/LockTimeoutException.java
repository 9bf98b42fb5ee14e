package dev.autobaseline.dialect;

import java.time.Duration;

/**
 * Thrown when another instance holds the adoption lock longer than {@code autobaseline.lock-timeout}.
 * Nothing was written.
 */
public class LockTimeoutException extends HostNamedException {

	private final String lock;

	private final Duration timeout;

	public LockTimeoutException(String lock, Duration timeout) {
		super("Flyway Autobaseline waited " + timeout.toMillis() + " ms for the adoption lock (" + lock
				+ ") that another instance holds while it adopts or migrates the database; nothing was written."
				+ " Raise autobaseline.lock-timeout if adoptions take longer, or find the process that holds it.");
		this.lock = lock;
		this.timeout = timeout;
	}

	/** The lock, as a person finds it ({@code pg_locks} keys, or the lock file). */
	public String getLock() {
		return this.lock;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

}
