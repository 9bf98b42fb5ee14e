package dev.autobaseline.dialect;

/**
 * Thrown for a database engine the starter does not support yet.
 */
public class UnsupportedDatabaseException extends RuntimeException {

	public UnsupportedDatabaseException(String jdbcUrl) {
		super("Flyway Autobaseline supports SQLite and PostgreSQL; the database at " + redact(jdbcUrl)
				+ " is neither. Set autobaseline.enabled=false to use Spring Boot's plain Flyway behaviour.");
	}

	private static String redact(String jdbcUrl) {
		if (jdbcUrl == null) {
			return "an unknown URL";
		}
		int query = jdbcUrl.indexOf('?');
		return (query >= 0) ? jdbcUrl.substring(0, query) : jdbcUrl;
	}

}
