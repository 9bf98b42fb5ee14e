package dev.autobaseline.scenario;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A live database for one test, reached over plain JDBC so that tests build legacy schemas the
 * way a pre-Flyway application would: its DDL run directly.
 */
abstract class TestDatabase implements AutoCloseable {

	abstract String url();

	abstract String username();

	abstract String password();

	/** A fingerprint of everything stored: equal before and after means nothing was written. */
	abstract String fingerprint() throws Exception;

	/** The relation names of the database, for assertions. */
	abstract List<String> tables() throws SQLException;

	Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (username() != null) {
			properties.setProperty("user", username());
		}
		if (password() != null) {
			properties.setProperty("password", password());
		}
		return DriverManager.getConnection(url(), properties);
	}

	void execute(String... statements) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				for (String part : sql.split(";")) {
					if (!part.isBlank()) {
						statement.execute(part);
					}
				}
			}
		}
	}

	/** One statement as it is, semicolons and all (a trigger body). */
	void executeWhole(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Every row of a query, each row's columns joined with '|'. */
	List<String> rows(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			ResultSetMetaData meta = result.getMetaData();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.append((i > 1) ? "|" : "").append(result.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	/** The history as {@code version:type:success} in rank order. */
	List<String> history() throws SQLException {
		return rows("SELECT version, type, CASE WHEN success THEN 'ok' ELSE 'failed' END FROM flyway_schema_history"
				+ " ORDER BY installed_rank").stream().map((row) -> row.replace('|', ':')).toList();
	}

	String description(String type) throws SQLException {
		return rows("SELECT description FROM flyway_schema_history WHERE type = '" + type + "'").get(0);
	}

}
