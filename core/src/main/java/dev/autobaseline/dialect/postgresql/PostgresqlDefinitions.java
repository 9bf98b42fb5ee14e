package dev.autobaseline.dialect.postgresql;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised PostgreSQL definitions, so that equal objects compare equal whatever created them:
 * type names in one form ({@code int4}, {@code integer} and {@code serial} are {@code integer};
 * {@code character varying} is {@code varchar}), casts and redundant parentheses dropped from
 * defaults, engine-generated names (of constraints, indexes and owned sequences) left out.
 */
final class PostgresqlDefinitions {

	private static final Pattern CAST = Pattern.compile(
			"::(?:\"[^\"]+\"|[a-z_][a-z0-9_.]*)(?: (?:varying|precision|without time zone|with time zone))?(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");

	private static final Pattern NEXTVAL = Pattern.compile("nextval\\('[^']+'(?:::regclass)?\\)");

	private static final Pattern PARENTHESISED_NUMBER = Pattern.compile("\\((-?\\d+(?:\\.\\d+)?)\\)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private PostgresqlDefinitions() {
	}

	/** A type as {@code format_type} prints it, in one form. */
	static String type(String type) {
		String t = type;
		t = t.replace("character varying", "varchar");
		t = t.replace("timestamp without time zone", "timestamp");
		t = t.replace(" without time zone", "");
		t = t.replace("timestamp with time zone", "timestamptz");
		if (t.startsWith("character(") || t.equals("character")) {
			t = "char" + t.substring("character".length());
		}
		t = t.replaceFirst("^timestamp(\\(\\d+\\)) with time zone$", "timestamptz$1");
		return t;
	}

	/**
	 * A column's type, nullability, default, identity, generation and collation, e.g.
	 * {@code varchar(20) not null default 'x'}. A default drawn from a sequence the column owns
	 * (serial) reads {@code default nextval(owned sequence)}, an identity {@code identity by default}.
	 */
	static String column(String type, boolean notNull, String defaultExpression, String identity, String generated,
			String collation, boolean ownsSequence) {
		StringBuilder column = new StringBuilder(type(type));
		if (collation != null) {
			column.append(" collate ").append(collation);
		}
		column.append(notNull ? " not null" : " null");
		if (generated != null && !generated.isEmpty() && defaultExpression != null) {
			return column.append(" generated always as (").append(expression(defaultExpression)).append(") stored").toString();
		}
		if ("a".equals(identity)) {
			column.append(" identity always");
		}
		else if ("d".equals(identity)) {
			column.append(" identity by default");
		}
		if (defaultExpression != null) {
			String normalised = (ownsSequence && NEXTVAL.matcher(defaultExpression).matches())
					? "nextval(owned sequence)" : expression(defaultExpression);
			column.append(" default ").append(normalised);
		}
		return column.toString();
	}

	/** An expression without casts, redundant outer parentheses and extra whitespace. */
	static String expression(String expression) {
		String e = whitespace(CAST.matcher(expression).replaceAll(""));
		e = PARENTHESISED_NUMBER.matcher(e).replaceAll("$1");
		while (e.startsWith("(") && e.endsWith(")") && enclosed(e)) {
			e = e.substring(1, e.length() - 1).trim();
		}
		return e;
	}

	/** Whether the first parenthesis closes at the end. */
	private static boolean enclosed(String e) {
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < e.length(); i++) {
			char c = e.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
				if (depth == 0 && i < e.length() - 1) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * A constraint as {@code pg_get_constraintdef} prints it, keyed by what it is:
	 * {@code pk (id)}, {@code unique (isbn)}, {@code fk (author_id) REFERENCES public.author(id)},
	 * {@code check ((price > 0))}, {@code exclude ...}; the value says whether it is validated.
	 */
	static String[] constraint(String definition) {
		String d = whitespace(definition);
		String value = "";
		if (d.endsWith(" NOT VALID")) {
			d = d.substring(0, d.length() - " NOT VALID".length());
			value = "not valid";
		}
		String key;
		if (d.startsWith("PRIMARY KEY ")) {
			key = "pk " + d.substring("PRIMARY KEY ".length());
		}
		else if (d.startsWith("UNIQUE ")) {
			key = "unique " + d.substring("UNIQUE ".length());
		}
		else if (d.startsWith("FOREIGN KEY ")) {
			key = "fk " + d.substring("FOREIGN KEY ".length());
		}
		else if (d.startsWith("CHECK ")) {
			key = "check (" + expression(d.substring("CHECK ".length())) + ")";
		}
		else {
			key = d.toLowerCase(Locale.ROOT).startsWith("exclude") ? d : "constraint " + d;
		}
		return new String[] { key, value };
	}

	/**
	 * An index as {@code pg_get_indexdef} prints it, without its name and table:
	 * {@code index unique btree (title) WHERE (...)}.
	 */
	static String index(String definition) {
		String d = whitespace(definition);
		boolean unique = d.startsWith("CREATE UNIQUE INDEX ");
		int using = d.indexOf(" USING ");
		return "index " + (unique ? "unique " : "") + ((using >= 0) ? d.substring(using + " USING ".length()) : d);
	}

	/** A view's query with whitespace collapsed and no trailing semicolon. */
	static String view(String definition) {
		String d = whitespace(definition);
		return d.endsWith(";") ? d.substring(0, d.length() - 1).trim() : d;
	}

	/** A domain: base type, nullability, default and checks. */
	static String domain(String type, boolean notNull, String defaultExpression, String checks) {
		return "domain " + type(type) + (notNull ? " not null" : "")
				+ ((defaultExpression != null) ? " default " + expression(defaultExpression) : "")
				+ ((checks != null) ? " " + whitespace(checks) : "");
	}

	static String whitespace(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").trim();
	}

}
