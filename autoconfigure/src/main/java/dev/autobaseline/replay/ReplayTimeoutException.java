package dev.autobaseline.replay;

import java.time.Duration;

/**
 * Thrown when the replay runs past {@code autobaseline.replay.timeout}, or one of its statements
 * waits for a lock that long. Nothing was written to the live database.
 */
public class ReplayTimeoutException extends RuntimeException {

	private final Duration timeout;

	private final boolean lockWait;

	public ReplayTimeoutException(String shadow, Duration timeout, boolean lockWait, Throwable cause) {
		super("Flyway Autobaseline stopped the replay into the " + shadow + " after autobaseline.replay.timeout ("
				+ timeout.toMillis() + " ms); nothing was written to the live database. "
				+ (lockWait ? "A migration waited for a lock: CREATE INDEX CONCURRENTLY waits for Flyway's own"
						+ " transaction under its default transactional lock. Set"
						+ " spring.flyway.postgresql.transactional-lock=false, or raise autobaseline.replay.timeout."
						: "Raise autobaseline.replay.timeout if the migrations need longer on an empty database."),
				cause);
		this.timeout = timeout;
		this.lockWait = lockWait;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	/** Whether a statement waited for a lock (rather than the whole replay taking too long). */
	public boolean isLockWait() {
		return this.lockWait;
	}

}
