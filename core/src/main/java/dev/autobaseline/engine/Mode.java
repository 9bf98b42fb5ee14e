package dev.autobaseline.engine;

/**
 * How the version to baseline at is found.
 */
public enum Mode {

	/** Replay the migrations into a shadow database and match catalogs. */
	DETECT,

	/** Baseline at a configured version without looking. */
	FIXED

}
