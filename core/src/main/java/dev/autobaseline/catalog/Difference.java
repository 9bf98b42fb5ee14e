package dev.autobaseline.catalog;

/**
 * One way a live catalog differs from the catalog the migrations produce at some version.
 *
 * @param kind what differs
 * @param relation the relation concerned, or {@code null} for a top-level object that is not a
 * relation (a type, a function, a sequence)
 * @param column the column concerned, the fact's key for fact differences (e.g. {@code column
 * isbn}, {@code index btree (title)}, {@code type public.mood}), or {@code null} for
 * relation-level differences
 * @param expected the fact's definition in the migrations, or {@code null}
 * @param actual the fact's definition in the database, or {@code null}
 */
public record Difference(Kind kind, String relation, String column, String expected, String actual) {

	/** A difference without definitions: a relation or a column. */
	public Difference(Kind kind, String relation, String column) {
		this(kind, relation, column, null, null);
	}

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
		EXTRA_COLUMN(MatchLevel.COLUMNS),

		/** The migrations create the fact (an index, a constraint, a type...); the database lacks it. */
		MISSING_FACT(MatchLevel.STRICT),

		/** The database has the fact; the migrations do not create it. */
		EXTRA_FACT(MatchLevel.STRICT),

		/** Both have it, with another definition (a column's type, an enum's labels...). */
		CHANGED_FACT(MatchLevel.STRICT);

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
			case MISSING_FACT -> fact() + " is created by the migrations up to " + upTo
					+ " but missing from the database";
			case EXTRA_FACT -> fact() + " exists in the database but in no migration up to " + upTo;
			case CHANGED_FACT -> isDigest(this.expected) && isDigest(this.actual)
					? fact() + " has another definition in the database than in the migrations up to " + upTo
					: fact() + " is " + shown(this.expected) + " in the migrations up to " + upTo + " but "
							+ shown(this.actual) + " in the database";
		};
	}

	/** The fact as a person names it: {@code column public.book.isbn}, {@code index btree (title) on public.book}. */
	private String fact() {
		if (this.relation == null) {
			return this.column;
		}
		if (this.column.startsWith("column ")) {
			return "column " + this.relation + "." + this.column.substring("column ".length());
		}
		if (this.column.equals("definition")) {
			return "the definition of " + this.relation;
		}
		return this.column + " on " + this.relation;
	}

	/** Whether a definition is kept as a digest only (a function body). */
	private static boolean isDigest(String definition) {
		return definition != null && definition.startsWith("md5 ");
	}

	private static String shown(String definition) {
		if (definition == null || definition.isEmpty()) {
			return "(plain)";
		}
		return (definition.length() > 120) ? definition.substring(0, 117) + "..." : definition;
	}

}
