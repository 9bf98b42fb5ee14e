package dev.autobaseline.engine;

/**
 * How an adoption is recorded in Flyway's history.
 */
public enum RecordMode {

	/** One BASELINE row at the detected version. */
	BASELINE,

	/**
	 * One row per versioned migration up to the detected version, with checksums, so that
	 * Flyway's validation still covers the old scripts. Written in one transaction after the
	 * BASELINE row, which it replaces.
	 */
	HISTORY

}
