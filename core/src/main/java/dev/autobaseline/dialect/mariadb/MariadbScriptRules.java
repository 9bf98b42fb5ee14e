package dev.autobaseline.dialect.mariadb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.autobaseline.dialect.mariadb.MariadbLexer.Statement;
import dev.autobaseline.dialect.mariadb.MariadbLexer.Token;
import dev.autobaseline.dialect.mariadb.MariadbScriptFinding.Reach;

/**
 * What one statement reaches past its database: the statements that change the server (matched
 * where a statement starts, including the statements inside a routine, trigger or event body),
 * the clauses that do (anywhere in a statement), and names qualified with a database. Pure.
 */
final class MariadbScriptRules {

	/** What a rule found: where in the statement, what it reaches, and why. */
	record Found(int token, Reach reach, String reason) {
	}

	private record Rule(Pattern keywords, String reason) {
	}

	/** Matched on the first words of a statement, {@code OR REPLACE} left out. */
	private static final List<Rule> SERVER_STATEMENTS = List.of(
			rule("(create|alter|drop|rename) user", "manages users"), rule("set password", "sets a password"),
			rule("(create|drop) role|set (default )?role", "manages roles"),
			rule("grant|revoke", "grants or revokes privileges"),
			rule("(install|uninstall) (plugin|soname)", "installs or removes a plugin"),
			rule("(create|alter|drop) server", "defines a remote server"),
			rule("flush|kill|shutdown|restart|binlog|clone|alter instance", "acts on the server"),
			rule("change (master|replication)|(start|stop) (slave|replica|all|group_replication)|reset|purge",
					"controls replication or the binary log"),
			rule("load (data|xml)", "loads a file"),
			rule("(create|alter|drop) (tablespace|logfile)", "manages tablespaces"));

	private static final Set<String> REMOTE_ENGINES = Set.of("connect", "federated", "federatedx", "spider");

	/** Keywords after which a two-part name is a table or routine, never a table's column. */
	private static final Set<String> TABLE_POSITIONS = Set.of("from", "join", "straight_join", "into", "update",
			"table", "tables", "truncate", "view", "procedure", "function", "trigger", "event", "sequence", "call",
			"exists", "like", "references", "to");

	private final Set<String> liveDatabases;

	private final Set<String> otherDatabases;

	/** Both sets lower-cased; the other databases leave out live's, the script's own and information_schema. */
	MariadbScriptRules(Set<String> liveDatabases, Set<String> otherDatabases) {
		this.liveDatabases = liveDatabases;
		this.otherDatabases = otherDatabases;
	}

	private static Rule rule(String keywords, String reason) {
		return new Rule(Pattern.compile("^(" + keywords + ")\\b"), reason);
	}

	List<Found> check(Statement statement) {
		List<Found> found = new ArrayList<>();
		for (int start : MariadbScriptStarts.of(statement)) {
			checkStatementStart(statement, start, found);
		}
		checkClauses(statement, found);
		checkQualifiedNames(statement, found);
		checkStrings(statement, found);
		return found;
	}

	/**
	 * A string that is one of live's database names, compared or listed (after {@code =},
	 * {@code (}, a comma, {@code IN} or {@code LIKE}): {@code table_schema = 'app'} in an
	 * idempotent migration would read live's catalog in the replay, not the shadow's (and so
	 * decide by what live holds); {@code DATABASE()} reads the shadow's.
	 */
	private void checkStrings(Statement statement, List<Found> found) {
		for (int i = 0; i < statement.size(); i++) {
			Token token = statement.token(i);
			Token previous = statement.token(i - 1);
			boolean compared = previous != null && (previous.isSymbol("=") || previous.isSymbol("(") || previous.isSymbol(",")
					|| previous.is("like") || previous.is("in") || previous.isSymbol("<>") || previous.isSymbol("!="));
			if (token.kind() == MariadbLexer.Kind.STRING && compared && this.liveDatabases.contains(token.lower().strip())) {
				found.add(new Found(i, Reach.LIVE, "names live's database " + token.text().strip()
						+ " in a string, which the replay would read in live, not in the shadow (write DATABASE() instead)"));
			}
		}
	}

	/**
	 * The first of live's databases a text holds as a word: in a script that runs dynamic SQL,
	 * {@code CONCAT('INSERT INTO ', 'app', '.t ...')} builds a statement no scan reads whole.
	 */
	java.util.Optional<String> liveDatabaseIn(String text) {
		return this.liveDatabases.stream()
			.filter((database) -> Pattern.compile("(?<![\\w$])" + Pattern.quote(database) + "(?![\\w$])",
					Pattern.CASE_INSENSITIVE).matcher(text).find())
			.sorted()
			.findFirst();
	}

	private void checkStatementStart(Statement statement, int start, List<Found> found) {
		String words = MariadbScriptStarts.leadingWords(statement, start);
		for (Rule rule : SERVER_STATEMENTS) {
			if (rule.keywords().matcher(words).find()) {
				found.add(new Found(start, Reach.SERVER, rule.reason()));
			}
		}
		if (words.matches("^use\\b.*")) {
			found.add(new Found(start, Reach.LIVE, "switches database (USE)"));
		}
		if (words.matches("^(create|alter|drop) (database|schema)\\b.*")) {
			Token name = databaseName(statement, start + 2);
			boolean live = name != null && this.liveDatabases.contains(name.lower());
			found.add(live ? new Found(start, Reach.LIVE, "names live's database " + name.text())
					: new Found(start, Reach.SERVER, "creates, changes or drops a database"));
		}
		if (words.matches("^create (aggregate )?function\\b.*") && hasWord(statement, start, "soname")) {
			found.add(new Found(start, Reach.SERVER, "loads a function from a shared library"));
		}
		if (words.matches("^show\\b.*")) {
			for (int i = start + 1; i + 1 < statement.size(); i++) {
				if ((statement.token(i).is("from") || statement.token(i).is("in")) && isLive(statement.token(i + 1))) {
					found.add(new Found(start, Reach.LIVE, "names live's database " + statement.token(i + 1).text()));
				}
			}
		}
		if (words.matches("^set\\b.*")) {
			MariadbScriptSession.globalAssignment(statement, start)
				.ifPresent((variable) -> found.add(new Found(start, Reach.SERVER, "sets " + variable)));
		}
	}

	private static Token databaseName(Statement statement, int index) {
		int i = index;
		while (statement.token(i) != null && (statement.token(i).is("if") || statement.token(i).is("not")
				|| statement.token(i).is("exists") || statement.token(i).is("replace") || statement.token(i).is("or"))) {
			i++;
		}
		Token name = statement.token(i);
		return (name != null && name.isName()) ? name : null;
	}

	private static boolean hasWord(Statement statement, int from, String word) {
		return statement.tokens().subList(from, statement.size()).stream().anyMatch((token) -> token.is(word));
	}

	private void checkClauses(Statement statement, List<Found> found) {
		boolean tableDefinition = isTableDefinition(statement);
		for (int i = 0; i < statement.size(); i++) {
			Token token = statement.token(i);
			Token next = statement.token(i + 1);
			if (token.is("load_file") && next != null && next.isSymbol("(")) {
				found.add(new Found(i, Reach.SERVER, "reads a server file (LOAD_FILE)"));
			}
			if (token.is("into") && next != null && (next.is("outfile") || next.is("dumpfile"))) {
				found.add(new Found(i, Reach.SERVER, "writes a server file (INTO " + next.text() + ")"));
			}
			if (tableDefinition && (token.is("data") || token.is("index")) && next != null && next.is("directory")) {
				found.add(new Found(i, Reach.SERVER, "places table files outside the data directory"));
			}
			if (tableDefinition && token.is("engine")) {
				Token engine = statement.token(i + (next != null && next.isSymbol("=") ? 2 : 1));
				String name = (engine != null) ? engine.lower() : "";
				if (REMOTE_ENGINES.contains(name)) {
					found.add(new Found(i, Reach.SERVER, "makes a table of engine " + name + " (remote data)"));
				}
				if ((name.equals("merge") || name.equals("mrg_myisam")) && hasWord(statement, 0, "union")) {
					found.add(new Found(i, Reach.SERVER, "makes a MERGE table over other tables (UNION=)"));
				}
			}
		}
	}

	private static boolean isTableDefinition(Statement statement) {
		String words = MariadbScriptStarts.leadingWords(statement, 0);
		return words.matches("^(create|alter)\\b.*\\btable\\b.*");
	}

	/**
	 * {@code db.t} and {@code db.t.c}. Two parts after a word such as FROM or INTO, or before
	 * {@code (}, name a table or routine; elsewhere they may be {@code alias.column}, and are
	 * taken for one when the statement names that alias on its own.
	 */
	private void checkQualifiedNames(Statement statement, List<Found> found) {
		for (int i = 0; i + 2 < statement.size(); i++) {
			Token first = statement.token(i);
			Token previous = statement.token(i - 1);
			if (!first.isName() || !statement.token(i + 1).isSymbol(".")
					|| (previous != null && previous.isSymbol("."))) {
				continue;
			}
			String database = first.lower();
			boolean live = this.liveDatabases.contains(database);
			if (!live && !this.otherDatabases.contains(database)) {
				continue;
			}
			boolean threeParts = statement.token(i + 3) != null && statement.token(i + 3).isSymbol(".");
			boolean tablePosition = previous != null && TABLE_POSITIONS.contains(previous.lower());
			boolean routineCall = statement.token(i + 3) != null && statement.token(i + 3).isSymbol("(");
			if (!threeParts && !tablePosition && !routineCall && namesAlias(statement, database)) {
				continue;
			}
			found.add(live ? new Found(i, Reach.LIVE, "names live's database " + first.text())
					: new Found(i, Reach.SERVER, "names another database of the server, " + first.text()));
		}
	}

	/** Whether the name stands on its own in the statement: a table or alias, not a qualifier. */
	private static boolean namesAlias(Statement statement, String name) {
		for (int i = 0; i < statement.size(); i++) {
			Token token = statement.token(i);
			Token previous = statement.token(i - 1);
			Token next = statement.token(i + 1);
			if (token.isName() && token.lower().equals(name) && (previous == null || !previous.isSymbol("."))
					&& (next == null || !next.isSymbol("."))) {
				return true;
			}
		}
		return false;
	}

	private boolean isLive(Token token) {
		return token.isName() && this.liveDatabases.contains(token.lower());
	}

}
