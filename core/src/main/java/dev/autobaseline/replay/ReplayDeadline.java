package dev.autobaseline.replay;

import java.time.Duration;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Context;

/**
 * Stops the replay between migrations once {@code autobaseline.replay.timeout} has passed (the
 * statements themselves are bounded by session timeouts where the engine has them).
 */
final class ReplayDeadline extends AfterEachMigrate {

	private final long deadline;

	ReplayDeadline(Duration timeout) {
		this.deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
	}

	@Override
	void afterMigration(Context context) {
		if (System.nanoTime() > this.deadline) {
			throw new Expired();
		}
	}

	@Override
	public String getCallbackName() {
		return "~~autobaseline-deadline";
	}

	/** The deadline passed. */
	static final class Expired extends FlywayException {

		Expired() {
			super("autobaseline.replay.timeout passed");
		}

	}

}
