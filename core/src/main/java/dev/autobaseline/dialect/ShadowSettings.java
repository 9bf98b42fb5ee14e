package dev.autobaseline.dialect;

/**
 * Where the replay's shadow comes from.
 *
 * @param url JDBC URL of an empty database of the live engine the user provides, or {@code null}
 * for a temporary one
 * @param username its user, or {@code null} for the live one
 * @param password its password, or {@code null} for the live one
 */
public record ShadowSettings(String url, String username, String password) {

	public static final ShadowSettings NONE = new ShadowSettings(null, null, null);

	@Override
	public String toString() {
		return "ShadowSettings[url=" + JdbcUrls.redact(this.url) + ", username=" + this.username + "]";
	}

}
