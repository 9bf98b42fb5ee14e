package dev.autobaseline.sample;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
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
		DatabaseMetaData metaData = connection.getMetaData();
		return !hasTable(metaData, "person") && !hasTable(metaData, "flyway_schema_history");
	}

	/** Builds release 1.1's tables and rows. */
	static void build(Connection connection) {
		ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/schema.sql"));
		ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/data.sql"));
	}

	private static boolean hasTable(DatabaseMetaData metaData, String name) throws SQLException {
		try (ResultSet tables = metaData.getTables(null, null, name, new String[] { "TABLE" })) {
			return tables.next();
		}
	}

}
