package dev.autobaseline.engine;

/**
 * What a database is to Flyway, judged on the applied rows of its history table.
 */
public enum SchemaState {

	/** No applied rows and Flyway would call the schemas empty: plain {@code migrate()}. */
	EMPTY,

	/** No applied rows (no history table, an empty one, or one holding only Flyway's SCHEMA marker), user objects present: adopt. */
	UNMANAGED,

	/**
	 * Only BASELINE rows, nothing applied successfully after them: check the baseline against the
	 * schema. Failed rows after the baseline (a failed {@code baseline-on-migrate} attempt) are
	 * detected the same way, and only {@code rebaseline} removes them.
	 */
	BASELINED,

	/** Applied rows: plain {@code migrate()}. */
	MANAGED,

	/**
	 * Failed rows next to successfully applied ones, or a history Flyway's validation rejects:
	 * stop with a report.
	 */
	INCONSISTENT,

	/** No history where Flyway looks, but a Flyway-shaped table with rows elsewhere: refuse. */
	FOREIGN_HISTORY

}
