package dev.autobaseline.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The starter's only writes to the live database: one BASELINE row, inserted or rewritten.
 */
final class BaselineWriter {

	private BaselineWriter() {
	}

	/**
	 * Records a baseline at the version. Into an existing (empty or marker-only) history table the
	 * row is inserted, with no DROP; otherwise Flyway's {@code baseline()} creates the table.
	 */
	static void baseline(Configuration configuration, LiveDatabase live, Dialect dialect, HistoryTable history,
			boolean tableExists, String version, String description) throws SQLException {
		if (!tableExists) {
			Flyway.configure(configuration.getClassLoader())
				.configuration(configuration)
				.baselineVersion(MigrationVersion.fromVersion(version))
				.baselineDescription(description)
				.load()
				.baseline();
			return;
		}
		String sql = "INSERT INTO " + history.qualified() + " (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time, success) SELECT COALESCE(MAX(installed_rank), 0) + 1, ?, ?,"
				+ " 'BASELINE', ?, NULL, " + installedBy(configuration, dialect) + ", 0, TRUE FROM " + history.qualified();
		execute(live, sql, version, description, description);
	}

	/** Rewrites the last BASELINE row to the version. */
	static void rebaseline(LiveDatabase live, HistoryTable history, String version, String description)
			throws SQLException {
		String sql = "UPDATE " + history.qualified() + " SET version = ?, description = ?, script = ?"
				+ " WHERE installed_rank = (SELECT MAX(installed_rank) FROM " + history.qualified()
				+ " WHERE type = 'BASELINE')";
		execute(live, sql, version, description, description);
	}

	private static String installedBy(Configuration configuration, Dialect dialect) {
		String configured = configuration.getInstalledBy();
		return (configured != null) ? "'" + configured.replace("'", "''") + "'" : dialect.currentUserSql();
	}

	private static void execute(LiveDatabase live, String sql, String... parameters) throws SQLException {
		try (Connection connection = live.dataSource().getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					statement.setString(i + 1, parameters[i]);
				}
				statement.executeUpdate();
				if (!autoCommit) {
					connection.commit();
				}
			}
		}
	}

}
