package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.autobaseline.dialect.mariadb.MariadbLexer.Token;

/**
 * Finds the statements of MariaDB or MySQL migration scripts that would reach past the shadow
 * database when replayed: those that name one of live's databases or switch database (always
 * refused), and those that reach the server (refused unless
 * {@code autobaseline.replay.allow-cluster-statements=true}). Reads placeholder-resolved text as
 * the server would under the session's {@code sql_mode}, following {@code SET sql_mode} in the
 * script; where a script sets a mode that cannot be told without running it, the rest is read
 * under every mode that changes the lexis and everything found under any of them counts.
 * <p>
 * A name qualified with a database of the server's list is a database reference; any other
 * qualifier is a table or alias. {@code information_schema} is read-only and stays allowed
 * (idempotent migrations read it); {@code mysql}, {@code performance_schema} and {@code sys} are
 * the server's own state (users, instrumentation, the procedures that change it) and always count
 * as other databases, listed or not.
 */
public final class MariadbScriptScanner {

	private static final Set<String> SYSTEM_DATABASES = Set.of("mysql", "performance_schema", "sys");

	private static final Pattern DYNAMIC_SQL = Pattern.compile("(?i)\\b(prepare|execute\\s+immediate)\\b");

	private static final int EXCERPT_LENGTH = 120;

	private final Set<String> liveDatabases;

	private final Set<String> serverDatabases;

	private final String sqlMode;

	private final String ownDatabase;

	/**
	 * @param liveDatabases live's databases: the default schema, every {@code spring.flyway.schemas}
	 * entry, the history table's database
	 * @param serverDatabases the databases the server lists ({@code information_schema.SCHEMATA})
	 * @param sqlMode the {@code sql_mode} of the session the scripts start in (after init-sqls)
	 */
	public MariadbScriptScanner(Set<String> liveDatabases, Set<String> serverDatabases, String sqlMode) {
		this(lowerCase(liveDatabases), lowerCase(serverDatabases), sqlMode, null);
	}

	private MariadbScriptScanner(Set<String> liveDatabases, Set<String> serverDatabases, String sqlMode,
			String ownDatabase) {
		this.liveDatabases = liveDatabases;
		this.serverDatabases = serverDatabases;
		this.sqlMode = sqlMode;
		this.ownDatabase = ownDatabase;
	}

	/**
	 * A scanner for the server a connection reaches: its list of databases and the connection's
	 * {@code sql_mode} (run the init-sqls on it first).
	 */
	public static MariadbScriptScanner forServer(Connection connection, Set<String> liveDatabases)
			throws SQLException {
		Set<String> databases = new HashSet<>();
		String sqlMode;
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
				while (rows.next()) {
					databases.add(rows.getString(1));
				}
			}
			try (ResultSet rows = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
				rows.next();
				sqlMode = rows.getString(1);
			}
		}
		return new MariadbScriptScanner(liveDatabases, databases, sqlMode);
	}

	/**
	 * This scanner for scripts whose placeholders name the database they run in (the shadow's):
	 * names qualified with it are the script's own.
	 */
	public MariadbScriptScanner withOwnDatabase(String database) {
		return new MariadbScriptScanner(this.liveDatabases, this.serverDatabases, this.sqlMode,
				database.toLowerCase(Locale.ROOT));
	}

	/** The findings of every script, by script path to text, in the order of the map. */
	public List<MariadbScriptFinding> scan(Map<String, String> scripts) {
		List<MariadbScriptFinding> findings = new ArrayList<>();
		scripts.forEach((script, sql) -> findings.addAll(scan(script, sql)));
		return findings;
	}

	/** The findings of one script, in the order of its statements. */
	public List<MariadbScriptFinding> scan(String script, String sql) {
		return List.copyOf(scan(script, sql, this.sqlMode));
	}

	private record Resume(int position, String delimiter, boolean executableComment, MariadbLexerMode mode) {
	}

	private Set<MariadbScriptFinding> scan(String script, String sql, String startingSqlMode) {
		Set<MariadbScriptFinding> findings = new LinkedHashSet<>();
		MariadbScriptRules rules = new MariadbScriptRules(this.liveDatabases, otherDatabases());
		boolean dynamicSql = DYNAMIC_SQL.matcher(sql).find();
		Deque<Resume> pending = new ArrayDeque<>();
		Deque<MariadbScriptSession> sessions = new ArrayDeque<>();
		pending.add(new Resume(0, ";", false, MariadbLexerMode.of(startingSqlMode)));
		sessions.add(new MariadbScriptSession(startingSqlMode));
		Set<Resume> seen = new HashSet<>();
		while (!pending.isEmpty()) {
			Resume resume = pending.poll();
			MariadbScriptSession session = sessions.poll();
			if (!seen.add(resume)) {
				continue;
			}
			MariadbLexer lexer = new MariadbLexer(sql, resume.position(), resume.delimiter(),
					resume.executableComment(), resume.mode());
			for (MariadbLexer.Statement statement = lexer.next(); statement != null; statement = lexer.next()) {
				for (MariadbScriptRules.Found found : rules.check(statement)) {
					findings.add(finding(script, sql, statement, found.token(), found));
				}
				if (dynamicSql) {
					findings.addAll(scanStrings(script, sql, statement, lexer.mode(), rules));
				}
				session.apply(statement);
				Optional<MariadbLexerMode> mode = session.mode();
				if (mode.isPresent()) {
					lexer.mode(mode.get());
					continue;
				}
				// A mode no one can tell before running the script: read the rest under each.
				for (MariadbLexerMode each : MariadbLexerMode.ALL) {
					pending.add(new Resume(lexer.position(), lexer.delimiter(), lexer.inExecutableComment(), each));
					sessions.add(session.withSqlMode(each.sqlMode()));
				}
				break;
			}
		}
		return findings;
	}

	/** With PREPARE or EXECUTE IMMEDIATE in the script, a string may be a statement: read each. */
	private List<MariadbScriptFinding> scanStrings(String script, String sql, MariadbLexer.Statement statement,
			MariadbLexerMode mode, MariadbScriptRules rules) {
		List<MariadbScriptFinding> findings = new ArrayList<>();
		for (Token token : statement.tokens()) {
			if (token.kind() == MariadbLexer.Kind.STRING && !token.text().isBlank()) {
				String excerpt = excerpt(sql, token.start(), statement.end(), true);
				Set<MariadbScriptFinding> inner = scan(script, token.text(), mode.sqlMode());
				for (MariadbScriptFinding each : inner) {
					findings.add(new MariadbScriptFinding(script, excerpt, each.reach(), each.reason() + " (in dynamic SQL)"));
				}
				// A piece of a statement built at run time: live's name in it is enough.
				if (inner.isEmpty() && !this.liveDatabases.contains(token.lower().strip())) {
					rules.liveDatabaseIn(token.text())
						.ifPresent((database) -> findings.add(new MariadbScriptFinding(script, excerpt,
								MariadbScriptFinding.Reach.LIVE, "names live's database " + database
										+ " in a string of dynamic SQL")));
				}
			}
		}
		return findings;
	}

	private MariadbScriptFinding finding(String script, String sql, MariadbLexer.Statement statement, int token,
			MariadbScriptRules.Found found) {
		int start = 0;
		for (int each : MariadbScriptStarts.of(statement)) {
			if (each <= token) {
				start = Math.max(start, each);
			}
		}
		int from = statement.token(start).start();
		int at = statement.token(token).start();
		if (at - from > EXCERPT_LENGTH / 2) {
			from = statement.token(Math.max(start, token - 3)).start();
		}
		return new MariadbScriptFinding(script, excerpt(sql, from, statement.end(), from > statement.token(0).start()),
				found.reach(), found.reason());
	}

	private static String excerpt(String sql, int from, int end, boolean inside) {
		String text = sql.substring(from, Math.max(from, end)).strip().replaceAll("\\s+", " ");
		if (text.length() > EXCERPT_LENGTH) {
			text = text.substring(0, EXCERPT_LENGTH) + " …";
		}
		return inside ? "… " + text : text;
	}

	private Set<String> otherDatabases() {
		Set<String> others = new HashSet<>(this.serverDatabases);
		others.addAll(SYSTEM_DATABASES);
		others.removeAll(this.liveDatabases);
		others.remove("information_schema");
		others.remove(this.ownDatabase);
		return others;
	}

	private static Set<String> lowerCase(Set<String> names) {
		return names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

}
