package dev.autobaseline.dialect.mariadb;

/**
 * A statement of a migration script that would reach past the shadow database when replayed.
 *
 * @param script the script, as its caller named it (a path)
 * @param statement the statement, from where it reaches out, whitespace collapsed and shortened
 * @param reach what it would reach, which says whether any property allows it
 * @param reason what the statement does, for the refusal ("creates a user", "names database app")
 */
public record MariadbScriptFinding(String script, String statement, Reach reach, String reason) {

	/** What a statement would reach. */
	public enum Reach {

		/**
		 * Live's own databases, by name or by {@code USE}: always refused, since the replay would
		 * write to live; no property allows it.
		 */
		LIVE,

		/**
		 * The server beyond one database (users, privileges, global variables, plugins, files,
		 * remote tables, other databases): refused unless
		 * {@code autobaseline.replay.allow-cluster-statements=true}.
		 */
		SERVER

	}

	/** Whether the replay may run this statement. */
	public boolean allowed(boolean allowClusterStatements) {
		return this.reach == Reach.SERVER && allowClusterStatements;
	}

}
