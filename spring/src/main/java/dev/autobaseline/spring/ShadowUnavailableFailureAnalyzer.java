package dev.autobaseline.spring;

import dev.autobaseline.dialect.ShadowUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports that no shadow database could be had to replay the migrations into, with the ways to
 * provide one or to adopt without a replay.
 */
public class ShadowUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<ShadowUnavailableException> {

	private static final String PREFIX = "Flyway Autobaseline: ";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ShadowUnavailableException cause) {
		String message = cause.getMessage();
		String reason = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
		String description = "Flyway Autobaseline detects the version of the database by replaying the migrations"
				+ " into an empty shadow database, and it could not get one: " + reason + "." + System.lineSeparator()
				+ "Nothing was written to the live database.";
		String action = "Set autobaseline.shadow.url (with autobaseline.shadow.username and"
				+ " autobaseline.shadow.password) to an empty database of the same engine that the starter may use,"
				+ " or grant the application's database role CREATEDB so that it can create a temporary one,"
				+ " or adopt without a replay: autobaseline.mode=fixed with autobaseline.fixed-version=<version>.";
		return new FailureAnalysis(description, action, cause);
	}

}
