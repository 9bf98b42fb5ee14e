package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the dialect decides once per server: MariaDB or MySQL, from the version string (Connector/J
 * calls MariaDB "MySQL", and its version then reads {@code 5.5.5-10.11.19-MariaDB-...}), and how
 * it compares table names.
 *
 * @param version the server's version string
 * @param mariadb whether the server is MariaDB
 * @param major the major version (MariaDB's own when the string carries the {@code 5.5.5-} prefix)
 * @param minor the minor version
 * @param lowerCaseNames whether table names compare case-insensitively ({@code lower_case_table_names} other than 0)
 */
record MariadbServer(String version, boolean mariadb, int major, int minor, boolean lowerCaseNames) {

	private static final Pattern NUMBERS = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)");

	static MariadbServer of(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT VERSION(), @@lower_case_table_names")) {
			rows.next();
			return of(rows.getString(1), rows.getInt(2));
		}
	}

	static MariadbServer of(String version, int lowerCaseTableNames) {
		Matcher numbers = NUMBERS.matcher(version);
		int major = numbers.find() ? Integer.parseInt(numbers.group(1)) : 0;
		int minor = (major > 0) ? Integer.parseInt(numbers.group(2)) : 0;
		return new MariadbServer(version, version.toLowerCase(java.util.Locale.ROOT).contains("mariadb"), major, minor,
				lowerCaseTableNames != 0);
	}

	/** The server's product, for messages and the backup hint. */
	String product() {
		return this.mariadb ? "MariaDB" : "MySQL";
	}

	boolean isAtLeast(int major, int minor) {
		return this.major > major || (this.major == major && this.minor >= minor);
	}

	/**
	 * The condition on {@code information_schema.STATISTICS} that an index is not used: MariaDB
	 * 10.6 has {@code IGNORED}, MySQL 8 {@code IS_VISIBLE}; older servers have neither.
	 */
	String ignoredIndexSql() {
		if (this.mariadb) {
			return isAtLeast(10, 6) ? "IGNORED = 'YES'" : "FALSE";
		}
		return isAtLeast(8, 0) ? "IS_VISIBLE = 'NO'" : "FALSE";
	}

}
