package dev.autobaseline.spring;

import java.util.stream.Collectors;

import dev.autobaseline.replay.ClusterStatementsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports migration scripts whose statements would reach past the shadow database into the live
 * PostgreSQL cluster, one line per script.
 */
public class ClusterStatementsFailureAnalyzer extends AbstractFailureAnalyzer<ClusterStatementsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ClusterStatementsException cause) {
		String scripts = cause.getStatements()
			.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.comparingByKey())
			.map((entry) -> System.lineSeparator() + "  - " + fileName(entry.getKey()) + ": "
					+ String.join(", ", entry.getValue()))
			.collect(Collectors.joining());
		if (cause.getReach() != null) {
			String description = "Flyway Autobaseline did not replay the migrations into a shadow database: these"
					+ " scripts hold statements that would reach past the shadow into " + cause.getReach() + ":"
					+ scripts + System.lineSeparator() + "Nothing was written.";
			String action = cause.isAllowable()
					? "Set autobaseline.replay.allow-cluster-statements=true if replaying them is harmless, or adopt"
							+ " without a replay: autobaseline.mode=fixed with autobaseline.fixed-version=<version>."
					: "No property allows this: the replay would change the live database. Remove the statement (a"
							+ " migration runs in Flyway's database, unqualified), or adopt without a replay:"
							+ " autobaseline.mode=fixed with autobaseline.fixed-version=<version>.";
			return new FailureAnalysis(description, action, cause);
		}
		String description = "Flyway Autobaseline did not replay the migrations into a shadow database: these scripts"
				+ " hold statements that reach past a PostgreSQL database into its cluster (roles, tablespaces,"
				+ " databases, server settings), so the replay would change the live cluster:" + scripts
				+ System.lineSeparator() + "Nothing was written.";
		String action = "Set autobaseline.replay.allow-cluster-statements=true if replaying them is harmless (guarded"
				+ " with IF NOT EXISTS), or adopt without a replay: autobaseline.mode=fixed with"
				+ " autobaseline.fixed-version=<version>.";
		return new FailureAnalysis(description, action, cause);
	}

	private static String fileName(String script) {
		return script.substring(Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\')) + 1);
	}

}
