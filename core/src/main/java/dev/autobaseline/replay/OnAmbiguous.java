package dev.autobaseline.replay;

/**
 * What to do when a consecutive run of versions matches equally well (the migrations between
 * them changed data, not the schema).
 */
public enum OnAmbiguous {

	/** Baseline at the highest version of the run: treat its data migrations as applied. */
	HIGHEST,

	/** Baseline at the lowest version of the run: the data migrations run. */
	LOWEST,

	/** Refuse and list the run. */
	FAIL

}
