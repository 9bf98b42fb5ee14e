package dev.autobaseline.dialect;

import javax.sql.DataSource;

/**
 * An empty database of the live engine that migrations are replayed into. Closing it drops or
 * cleans it.
 */
public interface Shadow extends AutoCloseable {

	/** Where the replay's Flyway connects. */
	DataSource dataSource();

	/** A name for logs, e.g. {@code temporary database "autobaseline_shadow_..."}. */
	String description();

	/** Whether the replay must clean the shadow with Flyway before closing it (a provided one). */
	default boolean cleanAfterUse() {
		return false;
	}

	@Override
	void close();

}
