package dev.autobaseline.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The database release 1.1 had before it used Flyway: the tables it created by hand
 * ({@code legacy/schema.sql}) and the rows its users recorded ({@code legacy/data.sql}).
 */
final class LegacyDatabase {

	private LegacyDatabase() {
	}

	/** Whether the database has neither the app's tables nor a Flyway history. */
	static boolean isBlank(Connection connection) throws SQLException {
		return !hasTable(connection, "person") && !hasTable(connection, "flyway_schema_history");
	}

	/** Builds release 1.1's tables and rows. */
	static void build(Connection connection) {
		ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/schema.sql"));
		ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/data.sql"));
	}

	private static boolean hasTable(Connection connection, String name) throws SQLException {
		// The connection's own catalog: on MariaDB a null catalog means every database of the server.
		try (ResultSet tables = connection.getMetaData()
			.getTables(connection.getCatalog(), null, name, new String[] { "TABLE" })) {
			return tables.next();
		}
	}

}
