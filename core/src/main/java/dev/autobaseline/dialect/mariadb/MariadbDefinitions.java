package dev.autobaseline.dialect.mariadb;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Definitions as {@code information_schema} prints them, normalised so that a shadow database and
 * live compare equal: the database's own name left out wherever the server (or a placeholder) put
 * it, whitespace collapsed. Pure.
 */
final class MariadbDefinitions {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern ON_UPDATE = Pattern.compile("on update (\\S+)");

	private MariadbDefinitions() {
	}

	/**
	 * The text without qualifiers naming the database itself: {@code `fa`.`t`} and {@code fa.t}
	 * become {@code `t`} and {@code t}. Views are rewritten by the server with every name
	 * qualified; triggers and routines keep what was written, which a placeholder can fill.
	 */
	static String withoutOwnDatabase(String text, String database) {
		if (text == null) {
			return null;
		}
		String quoted = "`" + database.replace("`", "``") + "`.";
		String stripped = text.replace(quoted, "");
		if (!containsIgnoringCase(stripped, database)) {
			// Most texts (column defaults, checks) never name it: no pattern to compile for them.
			return stripped;
		}
		Pattern bare = Pattern.compile("(?<![\\w$`.])" + Pattern.quote(database) + "\\.(?=[`\\w$])",
				Pattern.CASE_INSENSITIVE);
		return bare.matcher(stripped).replaceAll("");
	}

	/** Whether {@code part} stands in {@code text}, letters of either case matching. */
	private static boolean containsIgnoringCase(String text, String part) {
		for (int i = 0; i + part.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

	/** A definition with runs of whitespace collapsed and the ends trimmed. */
	static String collapsed(String text) {
		return (text != null) ? WHITESPACE.matcher(text.trim()).replaceAll(" ") : null;
	}

	/**
	 * A column as the comparison sees it: the full type, nullability, default, auto-increment,
	 * ON UPDATE, generated expression, and the collation where it differs from the table's.
	 */
	static String column(String columnType, boolean nullable, String columnDefault, String extra,
			String generation, String collation, String tableCollation) {
		StringBuilder definition = new StringBuilder(lowerOutsideQuotes(columnType));
		definition.append(nullable ? " null" : " not null");
		String lowerExtra = (extra != null) ? extra.toLowerCase(Locale.ROOT) : "";
		boolean generated = lowerExtra.contains("generated");
		// MariaDB prints SQL NULL for a NOT NULL column without a default, the string NULL for a nullable one.
		if (!generated && columnDefault != null && !"NULL".equals(columnDefault)) {
			definition.append(" default ").append(columnDefault);
		}
		if (lowerExtra.contains("invisible")) {
			definition.append(" invisible");
		}
		if (lowerExtra.contains("auto_increment")) {
			definition.append(" auto_increment");
		}
		Matcher onUpdate = ON_UPDATE.matcher(lowerExtra);
		if (onUpdate.find()) {
			definition.append(" on update ").append(onUpdate.group(1));
		}
		if (generated) {
			definition.append(lowerExtra.contains("stored") ? " stored" : " virtual")
				.append(" as (")
				.append(collapsed(generation))
				.append(')');
		}
		if (collation != null && tableCollation != null && !collation.equalsIgnoreCase(tableCollation)) {
			definition.append(" collate ").append(collation.toLowerCase(Locale.ROOT));
		}
		return definition.toString();
	}

	/**
	 * Keywords lower-cased, quoted literals kept as written: enum and set labels differ by case
	 * ({@code enum('A')} is not {@code enum('a')}).
	 */
	static String lowerOutsideQuotes(String text) {
		StringBuilder lowered = new StringBuilder(text.length());
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			lowered.append(quoted || c == '\'' ? c : Character.toLowerCase(c));
		}
		return lowered.toString();
	}

	/** One index column: name, prefix length, order. */
	static String indexColumn(String column, Long prefix, String collation) {
		return column.toLowerCase(Locale.ROOT) + ((prefix != null) ? "(" + prefix + ")" : "")
				+ ("D".equals(collation) ? " desc" : "");
	}

	/**
	 * An index by what it is, never by its name: {@code index unique btree (title(10) desc)}; one
	 * InnoDB made for a foreign key ends in {@code for foreign key}.
	 */
	static String index(boolean unique, String type, String columns, boolean forForeignKey) {
		String kind = type.toLowerCase(Locale.ROOT);
		return "index " + (unique ? "unique " : "") + kind + " (" + columns + ")" + (forForeignKey ? " for foreign key" : "");
	}

	/**
	 * Whether an index is the one InnoDB made for a foreign key that had none: it has exactly the
	 * key's columns and the name InnoDB gives, the constraint's name, or for a constraint named
	 * {@code <table>_ibfk_<n>} by the server the first column's, with {@code _<n>} when taken.
	 * (An index named in {@code FOREIGN KEY name (...)} gives the constraint that name too.)
	 */
	static boolean isForeignKeyIndex(String table, String index, List<String> indexColumns, String constraint,
			String foreignKeyColumns) {
		if (!String.join(", ", indexColumns).equals(foreignKeyColumns)) {
			return false;
		}
		if (index.equalsIgnoreCase(constraint)) {
			return true;
		}
		boolean serverNamed = startsWithThenDigits(constraint, table + "_ibfk_");
		return serverNamed && (index.equalsIgnoreCase(indexColumns.get(0))
				|| startsWithThenDigits(index, indexColumns.get(0) + "_"));
	}

	/** Whether {@code text} is {@code prefix} (letters of either case) and then one or more digits. */
	private static boolean startsWithThenDigits(String text, String prefix) {
		if (text.length() <= prefix.length() || !text.regionMatches(true, 0, prefix, 0, prefix.length())) {
			return false;
		}
		for (int i = prefix.length(); i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/** How a table is partitioned: {@code range (year(`taken`)) subpartition by hash (`id`)}. */
	static String partitioning(String method, String expression, String subMethod, String subExpression) {
		String partitioning = method.toLowerCase(Locale.ROOT) + " (" + collapsed(expression) + ")";
		return (subMethod != null)
				? partitioning + " subpartition by " + subMethod.toLowerCase(Locale.ROOT) + " (" + collapsed(subExpression) + ")"
				: partitioning;
	}

	/** A column's comment as the definition ends with it, or nothing. */
	static String comment(String comment) {
		return (comment != null && !comment.isEmpty()) ? " comment '" + comment.replace("'", "''") + "'" : "";
	}

}
