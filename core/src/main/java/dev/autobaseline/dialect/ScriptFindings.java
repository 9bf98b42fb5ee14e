package dev.autobaseline.dialect;

import java.util.List;
import java.util.Map;

/**
 * What a dialect's scan of the migration scripts found that must not run in a shadow, by script.
 *
 * @param escaping statements that leave the shadow for a live database (a {@code USE}, a name
 * qualified with one of live's databases): always refused, no property allows them
 * @param serverWide statements that reach the server itself (users, grants, global settings,
 * files): refused unless {@code autobaseline.replay.allow-cluster-statements}
 * @param reach what the server-wide statements reach, for the refusal's text
 */
public record ScriptFindings(Map<String, List<String>> escaping, Map<String, List<String>> serverWide, String reach) {

	public static final ScriptFindings NONE = new ScriptFindings(Map.of(), Map.of(), "");

	public ScriptFindings {
		escaping = Map.copyOf(escaping);
		serverWide = Map.copyOf(serverWide);
	}

}
