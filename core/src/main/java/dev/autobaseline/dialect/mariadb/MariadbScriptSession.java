package dev.autobaseline.dialect.mariadb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.autobaseline.dialect.mariadb.MariadbLexer.Statement;
import dev.autobaseline.dialect.mariadb.MariadbLexer.Token;

/**
 * What a script's {@code SET} statements do to the session it runs in: the {@code sql_mode} that
 * the following statements are read under, and the user variables that may hold one (mysqldump's
 * {@code SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='...'} and {@code SET SQL_MODE=@OLD_SQL_MODE}).
 * Values are strings, {@code @@sql_mode}, user variables, {@code CONCAT}, {@code CONCAT_WS},
 * {@code REPLACE} and {@code (SELECT ...)} of those; anything else makes the mode unknown.
 */
final class MariadbScriptSession {

	private static final Set<String> SESSION_SQL_MODE = Set.of("@@sql_mode", "@@session.sql_mode",
			"@@local.sql_mode");

	private static final Set<String> GLOBAL_SCOPES = Set.of("global", "persist", "persist_only");

	/** The session's sql_mode, {@code null} once a script set it to something the scanner cannot tell. */
	private String sqlMode;

	private final Map<String, String> variables;

	MariadbScriptSession(String sqlMode) {
		this(sqlMode, new HashMap<>());
	}

	private MariadbScriptSession(String sqlMode, Map<String, String> variables) {
		this.sqlMode = sqlMode;
		this.variables = variables;
	}

	/** A copy of this session with the given sql_mode. */
	MariadbScriptSession withSqlMode(String sqlMode) {
		return new MariadbScriptSession(sqlMode, new HashMap<>(this.variables));
	}

	/** The mode the next statement is read under, or empty when the script made it unknown. */
	Optional<MariadbLexerMode> mode() {
		return Optional.ofNullable(this.sqlMode).map(MariadbLexerMode::of);
	}

	/** Follows a top-level {@code SET} statement's assignments to sql_mode and user variables. */
	void apply(Statement statement) {
		if (!MariadbScriptStarts.leadingWords(statement, 0).matches("^set\\b.*")) {
			return;
		}
		for (List<Token> part : assignments(statement, 0)) {
			int equals = indexOfAssignment(part);
			if (equals < 0) {
				continue;
			}
			String value = evaluate(part.subList(equals + 1, part.size()));
			Token target = part.get(0);
			boolean sessionScope = equals == 2 && (target.is("session") || target.is("local"));
			if ((equals == 1 && (target.is("sql_mode") || SESSION_SQL_MODE.contains(target.lower())))
					|| (sessionScope && part.get(1).is("sql_mode"))) {
				this.sqlMode = value;
			}
			else if (equals == 1 && target.kind() == MariadbLexer.Kind.VARIABLE && !target.text().startsWith("@@")) {
				this.variables.put(target.text(), value);
			}
		}
	}

	/** The variable of the first assignment that changes the server, not the session. */
	static Optional<String> globalAssignment(Statement statement, int start) {
		for (List<Token> part : assignments(statement, start)) {
			Token target = part.get(0);
			if (target.kind() == MariadbLexer.Kind.WORD && GLOBAL_SCOPES.contains(target.lower())) {
				return Optional.of(target.text() + ((part.size() > 1) ? " " + part.get(1).text() : ""));
			}
			String variable = target.text();
			if (target.kind() == MariadbLexer.Kind.VARIABLE && (variable.startsWith("@@global.")
					|| variable.startsWith("@@persist.") || variable.startsWith("@@persist_only."))) {
				return Optional.of(variable);
			}
		}
		return Optional.empty();
	}

	/** The comma-separated assignments of a {@code SET} at {@code start}, up to its {@code ;}. */
	private static List<List<Token>> assignments(Statement statement, int start) {
		List<List<Token>> parts = new ArrayList<>();
		if (statement.token(start + 1) != null && statement.token(start + 1).is("statement")) {
			return parts;
		}
		List<Token> part = new ArrayList<>();
		int depth = 0;
		for (int i = start + 1; i < statement.size() && !statement.token(i).isSymbol(";"); i++) {
			Token token = statement.token(i);
			depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			if (depth == 0 && token.isSymbol(",")) {
				parts.add(part);
				part = new ArrayList<>();
			}
			else {
				part.add(token);
			}
		}
		parts.add(part);
		parts.removeIf(List::isEmpty);
		return parts;
	}

	private static int indexOfAssignment(List<Token> part) {
		for (int i = 1; i < Math.min(part.size(), 3); i++) {
			if (part.get(i).isSymbol("=") || part.get(i).isSymbol(":=")) {
				return i;
			}
		}
		return -1;
	}

	/** The string value of an expression, or {@code null} when it cannot be told without running it. */
	private String evaluate(List<Token> tokens) {
		if (tokens.isEmpty()) {
			return null;
		}
		Token first = tokens.get(0);
		if (tokens.size() == 1) {
			return switch (first.kind()) {
				case STRING -> first.text();
				case VARIABLE -> SESSION_SQL_MODE.contains(first.text()) ? this.sqlMode : this.variables.get(first.text());
				default -> null;
			};
		}
		Token last = tokens.get(tokens.size() - 1);
		if (first.is("select")) {
			return evaluate(tokens.subList(1, tokens.size()));
		}
		if (first.isSymbol("(") && last.isSymbol(")")) {
			return evaluate(tokens.subList(1, tokens.size() - 1));
		}
		if (tokens.size() > 2 && tokens.get(1).isSymbol("(") && last.isSymbol(")")) {
			return call(first.lower(), arguments(tokens.subList(2, tokens.size() - 1)));
		}
		return null;
	}

	private String call(String function, List<List<Token>> arguments) {
		List<String> values = new ArrayList<>();
		for (List<Token> argument : arguments) {
			String value = evaluate(argument);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return switch (function) {
			case "concat" -> String.join("", values);
			case "concat_ws" -> values.isEmpty() ? null : String.join(values.get(0), values.subList(1, values.size()));
			case "replace" -> (values.size() == 3) ? values.get(0).replace(values.get(1), values.get(2)) : null;
			default -> null;
		};
	}

	private static List<List<Token>> arguments(List<Token> tokens) {
		List<List<Token>> arguments = new ArrayList<>();
		List<Token> argument = new ArrayList<>();
		int depth = 0;
		for (Token token : tokens) {
			depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			if (depth == 0 && token.isSymbol(",")) {
				arguments.add(argument);
				argument = new ArrayList<>();
			}
			else {
				argument.add(token);
			}
		}
		arguments.add(argument);
		return arguments;
	}

}
