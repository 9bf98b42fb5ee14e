package dev.autobaseline.catalog;

/**
 * One way a live catalog differs from the catalog the migrations produce at some version.
 *
 * @param kind what differs
 * @param relation the relation concerned
 * @param column the column concerned, or {@code null} for relation-level differences
 */
public record Difference(Kind kind, String relation, String column) {

	/** The kinds of difference, each with the level at which it counts. */
	public enum Kind {

		/** The migrations create the relation; the database lacks it. */
		MISSING_RELATION(MatchLevel.TABLES),

		/** The database has the relation; the migrations do not create it. */
		EXTRA_RELATION(MatchLevel.TABLES),

		/** A table in one is a view in the other. */
		KIND_MISMATCH(MatchLevel.TABLES),

		/** The migrations create the column; the database lacks it. */
		MISSING_COLUMN(MatchLevel.COLUMNS),

		/** The database has the column; the migrations do not create it. */
		EXTRA_COLUMN(MatchLevel.COLUMNS);

		private final MatchLevel level;

		Kind(MatchLevel level) {
			this.level = level;
		}

		/** The least strict level at which this difference prevents a match. */
		public MatchLevel level() {
			return this.level;
		}

	}

	/** Whether this difference prevents a match at the given level. */
	public boolean countsAt(MatchLevel level) {
		return this.kind.level().compareTo(level) <= 0;
	}

	/**
	 * One line a person can act on, e.g. {@code column book.legacy_flag exists in the
	 * database but in no migration up to V2}.
	 * @param upTo how to name the compared prefix, e.g. {@code V2} or {@code the empty schema}
	 */
	public String describe(String upTo) {
		return switch (this.kind) {
			case MISSING_RELATION -> "relation " + this.relation + " is created by the migrations up to " + upTo
					+ " but missing from the database";
			case EXTRA_RELATION -> "relation " + this.relation + " exists in the database but in no migration up to "
					+ upTo;
			case KIND_MISMATCH -> "relation " + this.relation + " is a table in one and a view in the other (up to "
					+ upTo + ")";
			case MISSING_COLUMN -> "column " + this.relation + "." + this.column
					+ " is created by the migrations up to " + upTo + " but missing from the database";
			case EXTRA_COLUMN -> "column " + this.relation + "." + this.column
					+ " exists in the database but in no migration up to " + upTo;
		};
	}

}
