package dev.autobaseline.dialect;

/**
 * Thrown for a database engine the starter does not support yet.
 */
public class UnsupportedDatabaseException extends HostNamedException {

	private final String jdbcUrl;

	private final String reason;

	public UnsupportedDatabaseException(String jdbcUrl) {
		super("Flyway Autobaseline supports SQLite, PostgreSQL and MariaDB; the database at " + redact(jdbcUrl)
				+ " is none of them. Set autobaseline.enabled=false to use Spring Boot's plain Flyway behaviour.");
		this.jdbcUrl = redact(jdbcUrl);
		this.reason = null;
	}

	/**
	 * A server of a supported engine that this setup is not: a MySQL server without
	 * {@code autobaseline.mysql.enabled}, several MariaDB databases.
	 * @param reason what is not supported and the property that gets further, as one sentence
	 */
	public UnsupportedDatabaseException(String jdbcUrl, String reason) {
		super("Flyway Autobaseline: " + reason);
		this.jdbcUrl = redact(jdbcUrl);
		this.reason = reason;
	}

	/** What is not supported, or {@code null} for an engine the starter does not know. */
	public String getReason() {
		return this.reason;
	}

	/** The database's JDBC URL without its query string (which may hold a password). */
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	private static String redact(String jdbcUrl) {
		if (jdbcUrl == null) {
			return "an unknown URL";
		}
		int query = jdbcUrl.indexOf('?');
		return (query >= 0) ? jdbcUrl.substring(0, query) : jdbcUrl;
	}

}
