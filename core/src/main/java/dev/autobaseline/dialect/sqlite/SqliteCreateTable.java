package dev.autobaseline.dialect.sqlite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.autobaseline.dialect.sqlite.SqliteTokenizer.Token;

/**
 * What SQLite keeps of a table only in its {@code CREATE TABLE} statement: check constraints,
 * column collations and generated columns. Parsed from {@code sqlite_schema.sql}, which
 * {@code ALTER TABLE ... ADD COLUMN} edits in place.
 *
 * @param checks every check constraint (on a column or the table), as a canonical expression
 * @param columnExtras per column name (lower case): {@code collate nocase}, {@code generated
 * always as (price * 2) stored}, or both
 */
record SqliteCreateTable(List<String> checks, Map<String, String> columnExtras) {

	private static final List<String> TABLE_CONSTRAINTS = List.of("constraint", "primary", "unique", "check", "foreign");

	/** The table's checks and column extras; none when the statement is not a parsable CREATE TABLE. */
	static SqliteCreateTable parse(String sql) {
		List<Token> tokens = SqliteTokenizer.tokenize(sql);
		int open = -1;
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isPunctuation('(')) {
				open = i;
				break;
			}
			if (tokens.get(i).is("as")) {
				// CREATE TABLE ... AS SELECT: no constraints.
				break;
			}
		}
		List<String> checks = new ArrayList<>();
		Map<String, String> extras = new HashMap<>();
		if (open < 0) {
			return new SqliteCreateTable(checks, extras);
		}
		int close = SqliteTokenizer.closingParenthesis(tokens, open);
		for (List<Token> part : split(tokens.subList(open + 1, close))) {
			if (part.isEmpty()) {
				continue;
			}
			Token first = part.get(0);
			boolean tableConstraint = first.word() && TABLE_CONSTRAINTS.contains(first.text())
					&& !(part.size() > 1 && part.get(1).word() && !isConstraintStart(first, part.get(1)));
			if (tableConstraint) {
				addChecks(part, 0, checks);
			}
			else {
				column(part, checks, extras);
			}
		}
		return new SqliteCreateTable(checks, extras);
	}

	/** Whether {@code first second} starts a table constraint rather than a column named like a keyword. */
	private static boolean isConstraintStart(Token first, Token second) {
		return switch (first.text()) {
			case "constraint" -> true;
			case "primary", "foreign" -> second.is("key");
			default -> false;
		};
	}

	private static void column(List<Token> part, List<String> checks, Map<String, String> extras) {
		String name = part.get(0).text();
		StringBuilder extra = new StringBuilder();
		for (int i = 1; i < part.size(); i++) {
			Token token = part.get(i);
			if (token.is("autoincrement")) {
				extra.append(" autoincrement");
			}
			else if (token.is("collate") && i + 1 < part.size()) {
				extra.append(" collate ").append(part.get(i + 1).text());
				i++;
			}
			else if (token.is("check") && i + 1 < part.size() && part.get(i + 1).isPunctuation('(')) {
				int end = SqliteTokenizer.closingParenthesis(part, i + 1);
				checks.add(SqliteTokenizer.expression(part.subList(i + 1, end + 1)));
				i = end;
			}
			else if (token.is("as") && i + 1 < part.size() && part.get(i + 1).isPunctuation('(')) {
				int end = SqliteTokenizer.closingParenthesis(part, i + 1);
				boolean stored = end + 1 < part.size() && part.get(end + 1).is("stored");
				extra.append(" generated always as (")
					.append(SqliteTokenizer.expression(part.subList(i + 1, end + 1)))
					.append(stored ? ") stored" : ") virtual");
				i = end;
			}
			else if (token.is("default") && i + 1 < part.size() && part.get(i + 1).isPunctuation('(')) {
				// A parenthesised default may hold words like COLLATE or AS inside: skip it whole.
				i = SqliteTokenizer.closingParenthesis(part, i + 1);
			}
		}
		if (extra.length() > 0) {
			extras.put(name, extra.substring(1));
		}
	}

	private static void addChecks(List<Token> part, int from, List<String> checks) {
		for (int i = from; i < part.size(); i++) {
			if (part.get(i).is("check") && i + 1 < part.size() && part.get(i + 1).isPunctuation('(')) {
				int end = SqliteTokenizer.closingParenthesis(part, i + 1);
				checks.add(SqliteTokenizer.expression(part.subList(i + 1, end + 1)));
				i = end;
			}
		}
	}

	/** The comma-separated parts at parenthesis depth zero. */
	private static List<List<Token>> split(List<Token> body) {
		List<List<Token>> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < body.size(); i++) {
			Token token = body.get(i);
			if (token.isPunctuation('(')) {
				depth++;
			}
			else if (token.isPunctuation(')')) {
				depth--;
			}
			else if (depth == 0 && token.isPunctuation(',')) {
				parts.add(body.subList(start, i));
				start = i + 1;
			}
		}
		parts.add(body.subList(start, body.size()));
		return parts;
	}

}
