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

	/**
	 * The shadow's name for one of live's schemas: where the replay's Flyway puts (and a provided
	 * shadow's cleaning removes) what live keeps in that schema. The same name where a schema lives
	 * inside a database, as on PostgreSQL and SQLite; the shadow database itself where a schema is
	 * a database (MariaDB), since passing live's name through would migrate into, and clean, the
	 * live database.
	 */
	default String schemaFor(String liveSchema) {
		return liveSchema;
	}

	/** Whether the replay must clean the shadow with Flyway before closing it (a provided one). */
	default boolean cleanAfterUse() {
		return false;
	}

	@Override
	void close();

}
