package dev.autobaseline.replay;

import java.time.Duration;

import dev.autobaseline.dialect.HostNamedException;

/**
 * Thrown when the replay runs past {@code autobaseline.replay.timeout}, or one of its statements
 * waits for a lock that long. Nothing was written to the live database.
 */
public class ReplayTimeoutException extends HostNamedException {

	private final Duration timeout;

	private final String lockWaitAdvice;

	/**
	 * @param lockWaitAdvice what to do, when a statement waited for a lock ({@code null} when the
	 * replay itself took too long)
	 */
	public ReplayTimeoutException(String shadow, Duration timeout, String lockWaitAdvice, Throwable cause) {
		super("Flyway Autobaseline stopped the replay into the " + shadow + " after autobaseline.replay.timeout ("
				+ timeout.toMillis() + " ms); nothing was written to the live database. "
				+ ((lockWaitAdvice != null) ? "A migration waited for a lock. " + lockWaitAdvice
						: "Raise autobaseline.replay.timeout if the migrations need longer on an empty database."),
				cause);
		this.timeout = timeout;
		this.lockWaitAdvice = lockWaitAdvice;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	/** Whether a statement waited for a lock (rather than the whole replay taking too long). */
	public boolean isLockWait() {
		return this.lockWaitAdvice != null;
	}

	/** What to do about the lock wait, on this engine; {@code null} when {@link #isLockWait()} is false. */
	public String getLockWaitAdvice() {
		return this.lockWaitAdvice;
	}

}
