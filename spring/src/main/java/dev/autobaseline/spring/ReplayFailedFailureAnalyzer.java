package dev.autobaseline.spring;

import dev.autobaseline.replay.ReplayFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports migrations that fail on an empty shadow database, with Flyway's own account of the
 * failing migration.
 */
public class ReplayFailedFailureAnalyzer extends AbstractFailureAnalyzer<ReplayFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ReplayFailedException cause) {
		Throwable flywayFailure = (cause.getCause() != null) ? cause.getCause() : cause;
		String description = "Flyway Autobaseline replays the migrations into an empty shadow database to detect"
				+ " the version of the live one, and the replay failed, so the version is unknown. Nothing was"
				+ " written to the live database. The replay failed with:" + System.lineSeparator()
				+ System.lineSeparator() + flywayFailure.getMessage().strip();
		String action = "Make the failing migration run on an empty database (the replay is a fresh install:"
				+ " every script runs from V1 on, in order), or adopt without a replay:"
				+ " autobaseline.mode=fixed with autobaseline.fixed-version=<version>.";
		return new FailureAnalysis(description, action, cause);
	}

}
