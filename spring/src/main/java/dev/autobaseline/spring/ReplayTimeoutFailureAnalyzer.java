package dev.autobaseline.spring;

import dev.autobaseline.replay.ReplayTimeoutException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a replay stopped by {@code autobaseline.replay.timeout}, naming Flyway's transactional
 * lock when a migration waited for a lock.
 */
public class ReplayTimeoutFailureAnalyzer extends AbstractFailureAnalyzer<ReplayTimeoutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ReplayTimeoutException cause) {
		String timeout = DurationText.of(cause.getTimeout());
		String description = "Flyway Autobaseline stopped the replay of the migrations into an empty shadow database"
				+ " after autobaseline.replay.timeout (" + timeout + ")"
				+ (cause.isLockWait() ? ": a migration waited that long for a lock" : "")
				+ ", so the version of the database is unknown. Nothing was written to the live database.";
		String action = cause.isLockWait() ? cause.getLockWaitAdvice()
				: "Raise autobaseline.replay.timeout (0 means no bound) if the migrations need longer on an empty"
						+ " database, or adopt without a replay: autobaseline.mode=fixed with"
						+ " autobaseline.fixed-version=<version>.";
		return new FailureAnalysis(description, action, cause);
	}

}
