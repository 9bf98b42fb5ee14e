package dev.autobaseline.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * How to reach the live database: the DataSource Flyway migrates through, and, where known,
 * the details to open connections outside its pool.
 *
 * @param dataSource the DataSource Flyway uses
 * @param jdbcUrl the JDBC URL, or {@code null} when only the DataSource is known
 * @param username the user name, or {@code null}
 * @param password the password, or {@code null}; never logged or reported
 */
public record LiveDatabase(DataSource dataSource, String jdbcUrl, String username, String password) {

	/** The JDBC URL: the one configured, else the one the driver reports. */
	public String resolveJdbcUrl() throws SQLException {
		if (this.jdbcUrl != null) {
			return this.jdbcUrl;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().getURL();
		}
	}

	@Override
	public String toString() {
		return "LiveDatabase[url=" + JdbcUrls.redact(this.jdbcUrl) + ", username=" + this.username + "]";
	}

}
