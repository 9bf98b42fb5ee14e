package dev.autobaseline.dialect.mariadb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.autobaseline.dialect.ScriptFindings;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * A minimal, conservative scan of migration scripts for what would leave a MariaDB shadow
 * database: a {@code USE}, or any of live's database names, always; users, grants, global
 * settings and files on the server unless allowed. It reads too much rather than too little
 * (a table named like the database is refused too); the full lexical scanner replaces it.
 * Executable comments ({@code /*! ... *}{@code /}, {@code /*M! ... *}{@code /}) are read as code,
 * since the server runs them.
 */
final class MariadbScripts {

	static final String SERVER = "the MariaDB server (users, grants, global variables, plugins, files, other databases)";

	private static final Pattern USE = Pattern.compile("(?i)(?<![\\w$`.])use\\s+(?!(index|key)\\b)[`\\w$]");

	private static final List<Pattern> SERVER_WIDE = List.of(
			Pattern.compile("\\b(create|alter|drop|rename)\\s+(user|role)\\b"),
			Pattern.compile("\\b(grant|revoke)\\b"),
			Pattern.compile("\\bset\\s+(default\\s+role|role|password)\\b"),
			Pattern.compile("\\bset\\s+(global|persist|persist_only)\\b|@@global\\."),
			Pattern.compile("\\b(create|alter|drop)\\s+(database|schema)\\b"),
			Pattern.compile("\\b(install|uninstall)\\s+(plugin|soname)\\b|\\bsoname\\b"),
			Pattern.compile("\\b(create|alter|drop)\\s+server\\b"),
			Pattern.compile("\\b(flush|kill|shutdown)\\b"),
			Pattern.compile("\\b(change\\s+master|start\\s+slave|stop\\s+slave|reset\\s+master|reset\\s+slave)\\b"),
			Pattern.compile("\\bload\\s+(data|xml)\\b|\\bload_file\\s*\\("),
			Pattern.compile("\\binto\\s+(outfile|dumpfile)\\b"),
			Pattern.compile("\\bengine\\s*=?\\s*(connect|federated|federatedx|spider)\\b"),
			Pattern.compile("\\b(data|index)\\s+directory\\b"),
			Pattern.compile("\\bunion\\s*=\\s*\\("));

	private static final Pattern COMMENTS = Pattern.compile("/\\*(?![!]|M!).*?\\*/|--(?=\\s)[^\\n]*|#[^\\n]*",
			Pattern.DOTALL);

	private static final Pattern EXECUTABLE_COMMENT = Pattern.compile("/\\*M?!\\d*|\\*/");

	private static final Pattern STRINGS = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\"",
			Pattern.DOTALL);

	private MariadbScripts() {
	}

	static ScriptFindings scan(Configuration configuration, Map<String, String> scripts, List<String> liveSchemas) {
		Map<String, List<String>> escaping = new TreeMap<>();
		Map<String, List<String>> serverWide = new TreeMap<>();
		for (Map.Entry<String, String> script : scripts.entrySet()) {
			String code = code(resolvePlaceholders(configuration, script.getValue()));
			Set<String> leaves = new LinkedHashSet<>();
			find(USE, code, leaves);
			for (String schema : liveSchemas) {
				find(Pattern.compile("(?i)(?<![\\w$])`?" + Pattern.quote(schema) + "`?(?![\\w$])"), code, leaves);
			}
			if (!leaves.isEmpty()) {
				escaping.put(script.getKey(), new ArrayList<>(leaves));
			}
			Set<String> server = new LinkedHashSet<>();
			String lower = code.toLowerCase(Locale.ROOT);
			SERVER_WIDE.forEach((pattern) -> find(pattern, lower, server));
			if (!server.isEmpty()) {
				serverWide.put(script.getKey(), new ArrayList<>(server));
			}
		}
		return new ScriptFindings(escaping, serverWide, SERVER);
	}

	/** The text the server runs: comments out (executable ones kept as code), string literals emptied. */
	static String code(String sql) {
		String withoutComments = COMMENTS.matcher(sql).replaceAll(" ");
		String executable = EXECUTABLE_COMMENT.matcher(withoutComments).replaceAll(" ");
		return STRINGS.matcher(executable).replaceAll("''");
	}

	/**
	 * Flyway's placeholders as the replay resolves them. {@code ${flyway:defaultSchema}} names the
	 * shadow there, so it is no escape: it becomes a neutral name.
	 */
	static String resolvePlaceholders(Configuration configuration, String sql) {
		if (!configuration.isPlaceholderReplacement()) {
			return sql;
		}
		String prefix = configuration.getPlaceholderPrefix();
		String suffix = configuration.getPlaceholderSuffix();
		String resolved = sql.replace(prefix + "flyway:defaultSchema" + suffix, "`autobaseline_shadow`")
			.replace(prefix + "flyway:database" + suffix, "`autobaseline_shadow`");
		for (Map.Entry<String, String> placeholder : configuration.getPlaceholders().entrySet()) {
			resolved = resolved.replace(prefix + placeholder.getKey() + suffix, String.valueOf(placeholder.getValue()));
		}
		return resolved;
	}

	private static void find(Pattern pattern, String code, Set<String> found) {
		Matcher matcher = pattern.matcher(code);
		while (matcher.find()) {
			found.add(code.substring(matcher.start(), Math.min(matcher.end(), matcher.start() + 60))
				.replaceAll("\\s+", " ")
				.toLowerCase(Locale.ROOT));
		}
	}

}
