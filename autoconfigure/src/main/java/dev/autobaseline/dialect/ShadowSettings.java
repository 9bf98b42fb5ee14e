package dev.autobaseline.dialect;

/**
 * A user-provided shadow database, for where a temporary one cannot be created.
 *
 * @param url JDBC URL of an empty database of the live engine, or {@code null}
 * @param username its user, or {@code null} for the live one
 * @param password its password, or {@code null} for the live one
 */
public record ShadowSettings(String url, String username, String password) {

	public static final ShadowSettings NONE = new ShadowSettings(null, null, null);

	@Override
	public String toString() {
		return "ShadowSettings[url=" + this.url + ", username=" + this.username + "]";
	}

}
