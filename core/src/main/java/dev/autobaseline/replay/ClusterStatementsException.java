package dev.autobaseline.replay;

import java.util.List;
import java.util.Map;

import dev.autobaseline.dialect.HostNamedException;

/**
 * Thrown before the replay when a script holds statements that would reach past the shadow
 * database into the live cluster (a role, a tablespace, another database's settings). Nothing was
 * written, nor replayed.
 */
public class ClusterStatementsException extends HostNamedException {

	private final Map<String, List<String>> statements;

	private final String reach;

	private final boolean allowable;

	/**
	 * Statements that reach past the shadow into something else.
	 * @param reach what they reach, e.g. {@code the live database} or {@code the MariaDB server
	 * (users, grants, global variables, files)}
	 * @param allowable whether {@code autobaseline.replay.allow-cluster-statements} lets them run
	 */
	public ClusterStatementsException(Map<String, List<String>> statements, String reach, boolean allowable) {
		super("Flyway Autobaseline will not replay the migrations into a shadow database: " + describe(statements)
				+ " would reach past the shadow into " + reach + ". Nothing was written. "
				+ (allowable ? "Set autobaseline.replay.allow-cluster-statements=true if replaying them is harmless, or"
						: "No property allows this (the replay would change live); remove it from the script, or")
				+ " adopt without a replay: autobaseline.mode=fixed with autobaseline.fixed-version=<version>.");
		this.statements = Map.copyOf(statements);
		this.reach = reach;
		this.allowable = allowable;
	}

	public ClusterStatementsException(Map<String, List<String>> statements) {
		super("Flyway Autobaseline will not replay the migrations into a shadow database: "
				+ describe(statements) + " would reach past the shadow into the live cluster (PostgreSQL roles,"
				+ " tablespaces, databases and server settings are cluster-wide), and the live migration that runs"
				+ " them after the baseline would then fail. Nothing was written. Set"
				+ " autobaseline.replay.allow-cluster-statements=true if replaying them is harmless (IF NOT EXISTS"
				+ " guards), or autobaseline.mode=fixed with autobaseline.fixed-version=<version>.");
		this.statements = Map.copyOf(statements);
		this.reach = null;
		this.allowable = true;
	}

	/** What the statements reach, or {@code null} for PostgreSQL's cluster. */
	public String getReach() {
		return this.reach;
	}

	/** Whether {@code autobaseline.replay.allow-cluster-statements} lets them run. */
	public boolean isAllowable() {
		return this.allowable;
	}

	/** Script to the cluster-wide statements found in it. */
	public Map<String, List<String>> getStatements() {
		return this.statements;
	}

	private static String describe(Map<String, List<String>> statements) {
		StringBuilder text = new StringBuilder();
		statements.forEach((script, found) -> text.append((text.length() > 0) ? "; " : "")
			.append(script.substring(Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\')) + 1))
			.append(" (")
			.append(String.join(", ", found))
			.append(')'));
		return text.toString();
	}

}
