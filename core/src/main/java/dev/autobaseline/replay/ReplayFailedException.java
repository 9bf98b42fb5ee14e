package dev.autobaseline.replay;

import dev.autobaseline.dialect.HostNamedException;

/**
 * Thrown when the application's migrations fail on an empty shadow database: nothing was written
 * to the live database.
 */
public class ReplayFailedException extends HostNamedException {

	public ReplayFailedException(String shadow, Throwable cause) {
		super("Flyway Autobaseline could not replay the migrations into the " + shadow
				+ ", so it cannot tell which version the database is at; nothing was written to the live database. "
				+ "Fix the migration below so that it runs on an empty database, or set autobaseline.mode=fixed"
				+ " with autobaseline.fixed-version. Cause: " + cause.getMessage(), cause);
	}

}
