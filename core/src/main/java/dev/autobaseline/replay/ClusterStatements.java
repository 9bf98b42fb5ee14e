package dev.autobaseline.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds statements in SQL scripts whose effect reaches past the database they run in: on
 * PostgreSQL, roles, tablespaces, databases, server settings, subscriptions, files and programs
 * written by COPY, and dblink. Run in a shadow database they would change the live cluster. Pure:
 * comments and quoted strings are left out; dollar-quoted bodies are read, since a DO block can
 * create a role too.
 */
public final class ClusterStatements {

	private static final List<Pattern> PATTERNS = List.of(
			Pattern.compile("\\b(create|alter|drop)\\s+(role|user|group)\\b"),
			Pattern.compile("\\b(create|alter|drop)\\s+tablespace\\b"),
			Pattern.compile("\\b(create|alter|drop)\\s+database\\b"),
			Pattern.compile("\\balter\\s+system\\b"),
			Pattern.compile("\\b(create|alter|drop)\\s+subscription\\b"),
			Pattern.compile("\\bcopy\\b[^;]*\\b(to|from)\\s+program\\b"),
			Pattern.compile("\\bcopy\\b[^;]*\\bto\\s+'"),
			Pattern.compile("\\bdblink(_exec|_connect|_connect_u|_open|_send_query)?\\s*\\("));

	private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

	private static final Pattern STRINGS = Pattern.compile("'(?:[^']|'')*'");

	private ClusterStatements() {
	}

	/** The cluster-wide statements of one script, as found (lower-cased, whitespace collapsed). */
	public static List<String> find(String sql) {
		String text = COMMENTS.matcher(sql).replaceAll(" ").toLowerCase(Locale.ROOT);
		// A COPY ... TO 'file' needs its quote; every other string literal is only data.
		String withoutStrings = STRINGS.matcher(text).replaceAll("''");
		List<String> found = new ArrayList<>();
		for (Pattern pattern : PATTERNS) {
			Matcher matcher = pattern.matcher(withoutStrings);
			while (matcher.find()) {
				found.add(withoutStrings.substring(matcher.start(), Math.min(matcher.end(), matcher.start() + 60))
					.replaceAll("\\s+", " "));
			}
		}
		return found;
	}

}
