package dev.autobaseline.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a host names what its user sets. The engine's texts are written once, in Spring Boot's
 * terms ({@code autobaseline.dry-run=true}, {@code spring.flyway.schemas}); a host that has no
 * such properties renames them on the way out.
 */
@FunctionalInterface
public interface Naming {

	/** Spring Boot's property names, as the texts are written. */
	Naming SPRING_BOOT = (text) -> text;

	/**
	 * A plain application's: {@code autobaseline.*} become the methods of
	 * {@link Autobaseline#builder()}, {@code spring.flyway.*} Flyway's own configuration.
	 */
	Naming PLAIN = new PlainNaming();

	/** The text with the host's names. */
	String rename(String text);

	/** Renames {@code autobaseline.x-y=v} to {@code builder().xY(v)} and {@code spring.flyway.x-y} to {@code Flyway.configure().xY(...)}. */
	final class PlainNaming implements Naming {

		/**
		 * A property, and its value when one follows: a placeholder, or anything up to a space or
		 * punctuation, a URL and a path included, but not the full stop or colon after it.
		 */
		private static final Pattern OURS = Pattern
			.compile("autobaseline\\.([a-z][a-z.-]*[a-z])(?:(?:=|: )(<[^>]+>|[^\\s,;()<>\"']*[^\\s,;()<>\"'.:!?]))?");

		private static final Pattern FLYWAYS = Pattern.compile("spring\\.flyway\\.([a-z][a-z.-]*[a-z])");

		private static final Pattern DATASOURCE = Pattern.compile("spring\\.datasource\\.(url|username|password)");

		private PlainNaming() {
		}

		@Override
		public String rename(String text) {
			if (text == null) {
				return null;
			}
			String renamed = replace(OURS, text, (match) -> {
				String property = match.group(1);
				if (property.equals("enabled")) {
					return "not calling Autobaseline.migrate(flyway)";
				}
				String value = enumValue(property, match.group(2));
				return "Autobaseline.builder()." + camel(property) + "(" + ((value != null) ? value : "...") + ")";
			});
			renamed = replace(FLYWAYS, renamed, (match) -> "Flyway.configure()." + camel(match.group(1)) + "(...)");
			return replace(DATASOURCE, renamed,
					(match) -> "Autobaseline.builder()." + (match.group(1).equals("username") ? "user" : match.group(1))
							+ "(...)");
		}

		private static String replace(Pattern pattern, String text,
				java.util.function.Function<Matcher, String> replacement) {
			Matcher matcher = pattern.matcher(text);
			StringBuilder result = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
			}
			matcher.appendTail(result);
			return result.toString();
		}

		/** {@code fixed} of {@code mode} to {@code Mode.FIXED}: the builder takes the engine's enums. */
		private static String enumValue(String property, String value) {
			String type = switch (property) {
				case "mode" -> "Mode";
				case "match" -> "MatchLevel";
				case "on-ambiguous" -> "OnAmbiguous";
				case "record" -> "RecordMode";
				case "replay.java-migration-beans" -> "JavaMigrationBeans";
				default -> null;
			};
			return (type != null && value != null && !value.startsWith("<"))
					? type + "." + value.toUpperCase(java.util.Locale.ROOT).replace('-', '_') : value;
		}

		/** {@code replay.allow-cluster-statements} to {@code replayAllowClusterStatements}. */
		static String camel(String property) {
			StringBuilder name = new StringBuilder();
			boolean upper = false;
			for (char c : property.toCharArray()) {
				if (c == '.' || c == '-') {
					upper = true;
				}
				else {
					name.append(upper ? Character.toUpperCase(c) : c);
					upper = false;
				}
			}
			return name.toString();
		}

	}

}
