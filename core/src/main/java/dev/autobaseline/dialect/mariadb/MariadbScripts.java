package dev.autobaseline.dialect.mariadb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.autobaseline.dialect.ScriptFindings;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Migration scripts as the isolation scan reads them: placeholders resolved as the replay
 * resolves them ({@code ${flyway:defaultSchema}} names the shadow there), then the lexical
 * scanner ({@link MariadbScriptScanner}) finds what would leave the shadow: a {@code USE}, or a
 * name of live's database, always; users, grants, global settings, files, other databases of the
 * server unless allowed.
 */
final class MariadbScripts {

	static final String SERVER = "the MariaDB server (users, grants, global variables, plugins, files, other databases)";

	/** What {@code ${flyway:defaultSchema}} stands for in the scan: the shadow's own database. */
	private static final String OWN_DATABASE = "autobaseline_shadow";

	private MariadbScripts() {
	}

	static ScriptFindings scan(Configuration configuration, Map<String, String> scripts, MariadbScriptScanner scanner) {
		MariadbScriptScanner scan = scanner.withOwnDatabase(OWN_DATABASE);
		Map<String, List<String>> escaping = new TreeMap<>();
		Map<String, List<String>> serverWide = new TreeMap<>();
		for (Map.Entry<String, String> script : scripts.entrySet()) {
			for (MariadbScriptFinding finding : scan.scan(script.getKey(), resolvePlaceholders(configuration, script.getValue()))) {
				Map<String, List<String>> into = (finding.reach() == MariadbScriptFinding.Reach.LIVE) ? escaping : serverWide;
				into.computeIfAbsent(script.getKey(), (key) -> new ArrayList<>())
					.add(finding.statement() + " (" + finding.reason() + ")");
			}
		}
		return new ScriptFindings(escaping, serverWide, SERVER);
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
		String resolved = sql.replace(prefix + "flyway:defaultSchema" + suffix, "`" + OWN_DATABASE + "`")
			.replace(prefix + "flyway:database" + suffix, "`" + OWN_DATABASE + "`");
		for (Map.Entry<String, String> placeholder : configuration.getPlaceholders().entrySet()) {
			resolved = resolved.replace(prefix + placeholder.getKey() + suffix, String.valueOf(placeholder.getValue()));
		}
		return resolved;
	}


}
