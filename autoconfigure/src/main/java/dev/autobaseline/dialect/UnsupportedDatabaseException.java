package dev.autobaseline.dialect;

/**
 * Thrown for a database engine the starter does not support yet.
 */
public class UnsupportedDatabaseException extends RuntimeException {

	private final String jdbcUrl;

	public UnsupportedDatabaseException(String jdbcUrl) {
		super("Flyway Autobaseline supports SQLite and PostgreSQL; the database at " + redact(jdbcUrl)
				+ " is neither. Set autobaseline.enabled=false to use Spring Boot's plain Flyway behaviour.");
		this.jdbcUrl = redact(jdbcUrl);
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
