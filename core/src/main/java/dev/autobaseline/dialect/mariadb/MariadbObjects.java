package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A database's top-level objects other than relations: functions and procedures (parameters,
 * result, body, SQL SECURITY, never DEFINER), events (schedule and body, never the times they
 * start or last ran) and sequences (their options, never their current value).
 */
final class MariadbObjects {

	private final Connection connection;

	private final String database;

	MariadbObjects(Connection connection, String database) {
		this.connection = connection;
		this.database = database;
	}

	void read(Map<String, String> objects, List<String> sequences) throws SQLException {
		readRoutines(objects);
		readEvents(objects);
		for (String sequence : sequences) {
			readSequence(objects, sequence);
		}
	}

	private void readRoutines(Map<String, String> objects) throws SQLException {
		String sql = "SELECT r.ROUTINE_TYPE, r.ROUTINE_NAME, r.DTD_IDENTIFIER, r.ROUTINE_DEFINITION, r.IS_DETERMINISTIC,"
				+ " r.SQL_DATA_ACCESS, r.SECURITY_TYPE, (SELECT GROUP_CONCAT(CONCAT_WS(' ', p.PARAMETER_MODE,"
				+ " p.PARAMETER_NAME, p.DTD_IDENTIFIER) ORDER BY p.ORDINAL_POSITION SEPARATOR ', ')"
				+ " FROM information_schema.PARAMETERS p WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA"
				+ " AND p.SPECIFIC_NAME = r.SPECIFIC_NAME AND p.ROUTINE_TYPE = r.ROUTINE_TYPE AND p.ORDINAL_POSITION > 0)"
				+ " FROM information_schema.ROUTINES r WHERE r.ROUTINE_SCHEMA = ?";
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, this.database);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String key = rows.getString(1).toLowerCase(Locale.ROOT) + " " + rows.getString(2) + "("
							+ ((rows.getString(8) != null) ? rows.getString(8).toLowerCase(Locale.ROOT) : "") + ")";
					String returns = (rows.getString(3) != null) ? "returns " + rows.getString(3).toLowerCase(Locale.ROOT) + " " : "";
					objects.put(key, returns + ("YES".equals(rows.getString(5)) ? "deterministic " : "")
							+ rows.getString(6).toLowerCase(Locale.ROOT) + " sql security "
							+ rows.getString(7).toLowerCase(Locale.ROOT) + " " + MariadbDefinitions
								.collapsed(MariadbDefinitions.withoutOwnDatabase(rows.getString(4), this.database)));
				}
			}
		}
	}

	private void readEvents(Map<String, String> objects) throws SQLException {
		String sql = "SELECT EVENT_NAME, EVENT_TYPE, INTERVAL_VALUE, INTERVAL_FIELD, ON_COMPLETION, STATUS,"
				+ " EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?";
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, this.database);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String schedule = "RECURRING".equals(rows.getString(2))
							? "every " + rows.getString(3) + " " + rows.getString(4) : "at a time";
					objects.put("event " + rows.getString(1), (schedule + " " + rows.getString(5) + " " + rows.getString(6))
						.toLowerCase(Locale.ROOT) + " do "
							+ MariadbDefinitions.collapsed(MariadbDefinitions.withoutOwnDatabase(rows.getString(7), this.database)));
				}
			}
		}
	}

	private void readSequence(Map<String, String> objects, String sequence) throws SQLException {
		String sql = "SELECT start_value, minimum_value, maximum_value, increment, cycle_option, cache_size FROM "
				+ MariadbDialect.quoteName(this.database) + "." + MariadbDialect.quoteName(sequence);
		try (Statement statement = this.connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			if (rows.next()) {
				objects.put("sequence " + sequence, "start " + rows.getString(1) + " minvalue " + rows.getString(2)
						+ " maxvalue " + rows.getString(3) + " increment " + rows.getString(4)
						+ (rows.getBoolean(5) ? " cycle" : "") + " cache " + rows.getString(6));
			}
		}
	}

}
