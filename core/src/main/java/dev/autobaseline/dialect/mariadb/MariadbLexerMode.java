package dev.autobaseline.dialect.mariadb;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two parts of a MariaDB or MySQL {@code sql_mode} that change how text splits into tokens:
 * {@code ANSI_QUOTES} (double quotes delimit names, not strings; implied by {@code ANSI},
 * {@code ORACLE}, {@code POSTGRESQL}, {@code MSSQL}, {@code DB2} and {@code MAXDB}, as the server
 * here expands them) and {@code NO_BACKSLASH_ESCAPES} (a backslash in a string is a character).
 */
record MariadbLexerMode(boolean ansiQuotes, boolean noBackslashEscapes) {

	/** Every combination, for text whose mode the scanner cannot tell. */
	static final List<MariadbLexerMode> ALL = List.of(new MariadbLexerMode(false, false),
			new MariadbLexerMode(true, false), new MariadbLexerMode(false, true), new MariadbLexerMode(true, true));

	private static final Set<String> IMPLYING_ANSI_QUOTES = Set.of("ANSI_QUOTES", "ANSI", "ORACLE", "POSTGRESQL",
			"MSSQL", "DB2", "MAXDB");

	/** The mode of an {@code sql_mode} value such as {@code STRICT_TRANS_TABLES,ANSI_QUOTES}. */
	static MariadbLexerMode of(String sqlMode) {
		Set<String> names = Arrays.stream(sqlMode.split(","))
			.map((name) -> name.trim().toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return new MariadbLexerMode(names.stream().anyMatch(IMPLYING_ANSI_QUOTES::contains),
				names.contains("NO_BACKSLASH_ESCAPES"));
	}

	/** An {@code sql_mode} value that has this mode. */
	String sqlMode() {
		return (this.ansiQuotes ? "ANSI_QUOTES," : "") + (this.noBackslashEscapes ? "NO_BACKSLASH_ESCAPES" : "");
	}

}
