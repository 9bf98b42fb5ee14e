package dev.autobaseline.replay;

/**
 * What the replay does with {@code JavaMigration} beans, which may hold the application's
 * DataSource and so reach the live database.
 */
public enum JavaMigrationBeans {

	/** Replace them with inert stand-ins of the same version and checksum. */
	STUB,

	/** Run them during the replay too (only for beans that write through Flyway's context). */
	RUN

}
