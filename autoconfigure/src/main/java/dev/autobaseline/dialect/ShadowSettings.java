package dev.autobaseline.dialect;

import java.time.Duration;

/**
 * Where the replay's shadow comes from, and how leftovers of killed processes are treated.
 *
 * @param url JDBC URL of an empty database of the live engine the user provides, or {@code null}
 * for a temporary one
 * @param username its user, or {@code null} for the live one
 * @param password its password, or {@code null} for the live one
 * @param leftoverMinAge how old a temporary shadow left by a killed process must be before it is
 * dropped (and only when no replay holds its lock)
 */
public record ShadowSettings(String url, String username, String password, Duration leftoverMinAge) {

	public static final Duration DEFAULT_LEFTOVER_MIN_AGE = Duration.ofMinutes(1);

	public static final ShadowSettings NONE = new ShadowSettings(null, null, null, DEFAULT_LEFTOVER_MIN_AGE);

	@Override
	public String toString() {
		return "ShadowSettings[url=" + JdbcUrls.redact(this.url) + ", username=" + this.username + ", leftoverMinAge="
				+ this.leftoverMinAge + "]";
	}

}
