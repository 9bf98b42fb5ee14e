package dev.autobaseline.dialect.sqlite;

import java.util.List;
import java.util.Locale;

import dev.autobaseline.dialect.sqlite.SqliteTokenizer.Token;

/**
 * Normalised SQLite definitions: declared types by affinity ({@code varchar(255)} and
 * {@code text} are both {@code text}), defaults and statements in the tokenizer's canonical form,
 * index names left out.
 */
final class SqliteDefinitions {

	private SqliteDefinitions() {
	}

	/** The affinity SQLite gives a declared type (its rules 1 to 5, in order). */
	static String affinity(String declared) {
		String type = (declared != null) ? declared.toUpperCase(Locale.ROOT) : "";
		if (type.contains("INT")) {
			return "integer";
		}
		if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
			return "text";
		}
		if (type.isEmpty() || type.contains("BLOB")) {
			return "blob";
		}
		if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
			return "real";
		}
		return "numeric";
	}

	/** A column: {@code text not null default 'x' collate nocase}. */
	static String column(String declaredType, boolean notNull, String defaultValue, String extra) {
		StringBuilder column = new StringBuilder(affinity(declaredType)).append(notNull ? " not null" : " null");
		if (defaultValue != null) {
			String normalised = SqliteTokenizer.expression(defaultValue);
			if (!normalised.equals("null")) {
				column.append(" default ").append(normalised);
			}
		}
		if (extra != null) {
			column.append(' ').append(extra);
		}
		return column.toString();
	}

	/**
	 * An index by definition, without its name and table: {@code index unique (lower(title)) where
	 * cost > 10}.
	 */
	static String index(String sql) {
		List<Token> tokens = SqliteTokenizer.tokenize(sql);
		boolean unique = tokens.size() > 1 && tokens.get(1).is("unique");
		int on = 0;
		while (on < tokens.size() && !tokens.get(on).is("on")) {
			on++;
		}
		int rest = on + 2;
		if (rest < tokens.size() && tokens.get(rest).isPunctuation('.')) {
			rest += 2;
		}
		rest = Math.min(rest, tokens.size());
		return "index " + (unique ? "unique " : "") + SqliteTokenizer.render(tokens.subList(rest, tokens.size()));
	}

	/** A view's query: what follows the first {@code AS}, canonical. */
	static String view(String sql) {
		List<Token> tokens = SqliteTokenizer.tokenize(sql);
		int as = 0;
		while (as < tokens.size() && !tokens.get(as).is("as")) {
			as++;
		}
		List<Token> query = tokens.subList(Math.min(as + 1, tokens.size()), tokens.size());
		if (!query.isEmpty() && query.get(query.size() - 1).isPunctuation(';')) {
			query = query.subList(0, query.size() - 1);
		}
		return SqliteTokenizer.render(query);
	}

}
