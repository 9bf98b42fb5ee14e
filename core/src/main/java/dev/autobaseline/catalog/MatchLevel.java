package dev.autobaseline.catalog;

/**
 * How closely the live catalog must agree with a replayed one for a version to be a
 * candidate. The level is a tolerance: among candidates the closest full snapshot wins.
 */
public enum MatchLevel {

	/** Table and view names. */
	TABLES,

	/** Table and view names plus each relation's column names. */
	COLUMNS,

	/**
	 * Everything the full snapshot holds: column types, nullability and defaults, keys,
	 * constraints, indexes, triggers, view definitions, types, functions and sequences.
	 */
	STRICT

}
