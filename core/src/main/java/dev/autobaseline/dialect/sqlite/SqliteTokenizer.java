package dev.autobaseline.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite SQL into tokens and writes them back in one canonical form: comments and
 * whitespace dropped, keywords and identifiers in lower case and unquoted (SQLite compares names
 * case-insensitively), string literals as written, one space between tokens except inside
 * parentheses and before commas. Two statements that differ only in case, quoting of names,
 * spacing or comments come out equal.
 */
final class SqliteTokenizer {

	/** A token: its canonical text and whether it is a name or keyword (bare or quoted). */
	record Token(String text, boolean word) {

		boolean is(String keyword) {
			return this.word && this.text.equals(keyword);
		}

		boolean isPunctuation(char c) {
			return !this.word && this.text.length() == 1 && this.text.charAt(0) == c;
		}

	}

	private SqliteTokenizer() {
	}

	static List<Token> tokenize(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else if (c == '\'') {
				int end = closing(sql, i, '\'');
				tokens.add(new Token(sql.substring(i, end), false));
				i = end;
			}
			else if (c == '"' || c == '`' || c == '[') {
				char close = (c == '[') ? ']' : c;
				int end = closing(sql, i, close);
				String inner = sql.substring(i + 1, Math.max(i + 1, end - 1));
				if (close != ']') {
					inner = inner.replace(String.valueOf(close) + close, String.valueOf(close));
				}
				tokens.add(new Token(inner.toLowerCase(Locale.ROOT), true));
				i = end;
			}
			else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127) {
				int end = i;
				while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$' || sql.charAt(end) == '.' && Character.isDigit(c) || sql.charAt(end) > 127)) {
					end++;
				}
				tokens.add(new Token(sql.substring(i, end).toLowerCase(Locale.ROOT), !Character.isDigit(c)));
				i = end;
			}
			else {
				int end = i + 1;
				String two = (i + 1 < n) ? sql.substring(i, i + 2) : "";
				if (List.of("<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "->").contains(two)) {
					end = i + 2;
				}
				tokens.add(new Token(sql.substring(i, end), false));
				i = end;
			}
		}
		return tokens;
	}

	/** The index just after the quote that closes the one at {@code start} (doubled quotes escape). */
	private static int closing(String sql, int start, char close) {
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == close) {
				if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	/** The tokens in canonical form. */
	static String render(List<Token> tokens) {
		StringBuilder out = new StringBuilder();
		Token previous = null;
		for (Token token : tokens) {
			boolean space = previous != null && !previous.isPunctuation('(') && !previous.isPunctuation('.')
					&& !token.isPunctuation(')') && !token.isPunctuation(',') && !token.isPunctuation('.')
					&& !(token.isPunctuation('(') && previous.word());
			if (space) {
				out.append(' ');
			}
			out.append(token.text());
			previous = token;
		}
		return out.toString();
	}

	/** An expression in canonical form, without redundant outer parentheses. */
	static String expression(List<Token> tokens) {
		List<Token> inner = tokens;
		while (inner.size() >= 2 && inner.get(0).isPunctuation('(') && closingParenthesis(inner, 0) == inner.size() - 1) {
			inner = inner.subList(1, inner.size() - 1);
		}
		return render(inner);
	}

	static String expression(String sql) {
		return expression(tokenize(sql));
	}

	/** The index of the parenthesis that closes the one at {@code open}, or the last index. */
	static int closingParenthesis(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).isPunctuation('(')) {
				depth++;
			}
			else if (tokens.get(i).isPunctuation(')')) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return tokens.size() - 1;
	}

}
