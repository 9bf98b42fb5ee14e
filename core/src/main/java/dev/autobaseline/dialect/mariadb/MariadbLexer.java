package dev.autobaseline.dialect.mariadb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a MariaDB or MySQL script into statements of tokens the way the server reads it under
 * an {@code sql_mode}: {@code #} comments, {@code --} comments only before whitespace, a control
 * character or the end, {@code /* *}{@code /} comments, executable comments ({@code /*!},
 * {@code /*!50700}, MariaDB's {@code /*M!}) whose contents are code, strings with doubled quotes
 * and (unless {@code NO_BACKSLASH_ESCAPES}) backslash escapes, backtick names, double-quoted names
 * under {@code ANSI_QUOTES}, and the client's {@code DELIMITER} command that Flyway honours.
 * Between two statements the caller may change the mode, as {@code SET sql_mode} does.
 */
final class MariadbLexer {

	/** What a token is. */
	enum Kind {

		/** A bare word: a keyword or an unquoted name. */
		WORD,
		/** A quoted name: {@code `x`}, or {@code "x"} under {@code ANSI_QUOTES}. */
		QUOTED_NAME,
		/** A string literal; the text is its value. */
		STRING,
		/** Digits. */
		NUMBER,
		/** {@code @user_variable} or {@code @@[scope.]system_variable}, lower-cased. */
		VARIABLE,
		/** Punctuation or an operator. */
		SYMBOL

	}

	/** A token: its kind, its text (a name unquoted, a string's value) and where it starts. */
	record Token(Kind kind, String text, int start) {

		boolean is(String keyword) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(keyword);
		}

		boolean isSymbol(String symbol) {
			return this.kind == Kind.SYMBOL && this.text.equals(symbol);
		}

		boolean isName() {
			return this.kind == Kind.WORD || this.kind == Kind.QUOTED_NAME;
		}

		/** The text lower-cased, as names and keywords compare. */
		String lower() {
			return this.text.toLowerCase(Locale.ROOT);
		}

	}

	/** One statement: its tokens and where it ends in the script (before its delimiter). */
	record Statement(List<Token> tokens, int end) {

		Token token(int index) {
			return (index >= 0 && index < this.tokens.size()) ? this.tokens.get(index) : null;
		}

		int size() {
			return this.tokens.size();
		}

	}

	private static final List<String> TWO_CHARACTER_SYMBOLS = List.of(":=", "<=", ">=", "<>", "!=", "||", "&&", "<<",
			">>", "->");

	private final String sql;

	private int position;

	private String delimiter;

	private boolean executableComment;

	private MariadbLexerMode mode;

	MariadbLexer(String sql, MariadbLexerMode mode) {
		this(sql, 0, ";", false, mode);
	}

	MariadbLexer(String sql, int position, String delimiter, boolean executableComment, MariadbLexerMode mode) {
		this.sql = sql;
		this.position = position;
		this.delimiter = delimiter;
		this.executableComment = executableComment;
		this.mode = mode;
	}

	/** Every statement of a script read under one mode. */
	static List<Statement> statements(String sql, MariadbLexerMode mode) {
		MariadbLexer lexer = new MariadbLexer(sql, mode);
		List<Statement> statements = new ArrayList<>();
		for (Statement statement = lexer.next(); statement != null; statement = lexer.next()) {
			statements.add(statement);
		}
		return statements;
	}

	int position() {
		return this.position;
	}

	String delimiter() {
		return this.delimiter;
	}

	boolean inExecutableComment() {
		return this.executableComment;
	}

	MariadbLexerMode mode() {
		return this.mode;
	}

	/** Reads the statements after this one under another mode. */
	void mode(MariadbLexerMode mode) {
		this.mode = mode;
	}

	/** The next statement, or {@code null} at the end of the script. */
	Statement next() {
		List<Token> tokens = new ArrayList<>();
		int n = this.sql.length();
		while (this.position < n) {
			char c = this.sql.charAt(this.position);
			if (this.executableComment && this.sql.startsWith("*/", this.position)) {
				this.executableComment = false;
				this.position += 2;
			}
			else if (tokens.isEmpty() && !this.executableComment && isDelimiterCommand()) {
				readDelimiterCommand();
			}
			else if (this.sql.startsWith(this.delimiter, this.position)) {
				int end = this.position;
				this.position += this.delimiter.length();
				if (!tokens.isEmpty()) {
					return new Statement(tokens, end);
				}
			}
			else if (Character.isWhitespace(c)) {
				this.position++;
			}
			else if (c == '#' || isDashDashComment()) {
				int end = this.sql.indexOf('\n', this.position);
				this.position = (end < 0) ? n : end + 1;
			}
			else if (this.sql.startsWith("/*", this.position)) {
				readComment();
			}
			else if (c == '\'' || (c == '"' && !this.mode.ansiQuotes())) {
				tokens.add(readQuoted(Kind.STRING, c, !this.mode.noBackslashEscapes()));
			}
			else if (c == '`' || c == '"') {
				tokens.add(readQuoted(Kind.QUOTED_NAME, c, false));
			}
			else if (c == '@') {
				tokens.add(readVariable());
			}
			else if (isWordCharacter(c)) {
				tokens.add(readWord());
			}
			else {
				tokens.add(readSymbol());
			}
		}
		return tokens.isEmpty() ? null : new Statement(tokens, n);
	}

	/** {@code --} starts a comment only before whitespace, a control character or the end. */
	private boolean isDashDashComment() {
		return this.sql.startsWith("--", this.position)
				&& (this.position + 2 == this.sql.length() || this.sql.charAt(this.position + 2) <= ' ');
	}

	private boolean isDelimiterCommand() {
		int end = this.position + "delimiter".length();
		return this.sql.regionMatches(true, this.position, "delimiter", 0, "delimiter".length())
				&& end < this.sql.length() && (this.sql.charAt(end) == ' ' || this.sql.charAt(end) == '\t');
	}

	/** {@code DELIMITER xx}: the rest of the line's first word is the new delimiter. */
	private void readDelimiterCommand() {
		int start = this.position + "delimiter".length();
		while (start < this.sql.length() && (this.sql.charAt(start) == ' ' || this.sql.charAt(start) == '\t')) {
			start++;
		}
		int end = start;
		while (end < this.sql.length() && !Character.isWhitespace(this.sql.charAt(end))) {
			end++;
		}
		if (end > start) {
			this.delimiter = this.sql.substring(start, end);
		}
		int lineEnd = this.sql.indexOf('\n', end);
		this.position = (lineEnd < 0) ? this.sql.length() : lineEnd + 1;
	}

	/** A plain comment is skipped; an executable one opens: its contents are read as code. */
	private void readComment() {
		int contents = this.position + 2;
		if (this.sql.startsWith("!", contents) || this.sql.startsWith("M!", contents)) {
			contents = this.sql.indexOf('!', contents) + 1;
			while (contents < this.sql.length() && Character.isDigit(this.sql.charAt(contents))) {
				contents++;
			}
			this.executableComment = true;
			this.position = contents;
			return;
		}
		int end = this.sql.indexOf("*/", contents);
		this.position = (end < 0) ? this.sql.length() : end + 2;
	}

	private Token readQuoted(Kind kind, char quote, boolean backslashEscapes) {
		int start = this.position;
		StringBuilder value = new StringBuilder();
		int i = start + 1;
		while (i < this.sql.length()) {
			char c = this.sql.charAt(i);
			if (backslashEscapes && c == '\\' && i + 1 < this.sql.length()) {
				value.append(unescape(this.sql.charAt(i + 1)));
				i += 2;
			}
			else if (c == quote && i + 1 < this.sql.length() && this.sql.charAt(i + 1) == quote) {
				value.append(quote);
				i += 2;
			}
			else if (c == quote) {
				i++;
				break;
			}
			else {
				value.append(c);
				i++;
			}
		}
		this.position = i;
		return new Token(kind, value.toString(), start);
	}

	private static char unescape(char c) {
		return switch (c) {
			case 'n' -> '\n';
			case 't' -> '\t';
			case 'r' -> '\r';
			case '0' -> '\0';
			case 'b' -> '\b';
			case 'Z' -> '\u001a';
			default -> c;
		};
	}

	/** {@code @name}, {@code @'name'}, {@code @@name}, {@code @@global.name}. */
	private Token readVariable() {
		int start = this.position;
		int i = start + 1;
		boolean system = i < this.sql.length() && this.sql.charAt(i) == '@';
		if (system) {
			i++;
		}
		if (!system && i < this.sql.length() && "'\"`".indexOf(this.sql.charAt(i)) >= 0) {
			this.position = i;
			Token name = readQuoted(Kind.QUOTED_NAME, this.sql.charAt(i), false);
			return new Token(Kind.VARIABLE, "@" + name.lower(), start);
		}
		while (i < this.sql.length() && (isWordCharacter(this.sql.charAt(i)) || this.sql.charAt(i) == '.')) {
			i++;
		}
		this.position = i;
		return new Token(Kind.VARIABLE, this.sql.substring(start, i).toLowerCase(Locale.ROOT), start);
	}

	private Token readWord() {
		int start = this.position;
		int i = start;
		while (i < this.sql.length() && isWordCharacter(this.sql.charAt(i))) {
			i++;
		}
		this.position = i;
		String text = this.sql.substring(start, i);
		return new Token(text.chars().allMatch(Character::isDigit) ? Kind.NUMBER : Kind.WORD, text, start);
	}

	private Token readSymbol() {
		int start = this.position;
		String two = (start + 2 <= this.sql.length()) ? this.sql.substring(start, start + 2) : "";
		int length = TWO_CHARACTER_SYMBOLS.contains(two) ? 2 : 1;
		this.position = start + length;
		return new Token(Kind.SYMBOL, this.sql.substring(start, start + length), start);
	}

	private static boolean isWordCharacter(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
	}

}
