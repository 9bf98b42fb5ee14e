package dev.autobaseline.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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
	 * row is inserted, with no DROP, in a transaction that first re-reads the history: rows another
	 * process wrote since the inspection refuse the write. Otherwise Flyway's {@code baseline()}
	 * creates the table (and refuses a table someone created meanwhile).
	 */
	static void baseline(Configuration configuration, LiveDatabase live, Dialect dialect, HistoryTable history,
			HistoryRows inspected, SchemaState state, String version, String description) throws SQLException {
		if (!inspected.exists()) {
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
		inOneTransaction(live, (connection) -> {
			requireUnchanged(connection, dialect, history, inspected, state);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setString(1, version);
				statement.setString(2, description);
				statement.setString(3, description);
				statement.executeUpdate();
			}
		});
	}

	/**
	 * Rewrites the last BASELINE row to the version and, with {@code removeFailedRows}, deletes
	 * the failed rows a failed attempt left after it, in one transaction that first re-reads the
	 * history: a kill leaves both or neither, and rows written since the inspection refuse it. The
	 * row's rank is read first (MySQL refuses an UPDATE whose subquery reads the same table).
	 */
	static void rebaseline(LiveDatabase live, Dialect dialect, HistoryTable history, HistoryRows inspected,
			String version, String description, boolean removeFailedRows) throws SQLException {
		String update = "UPDATE " + history.qualified() + " SET version = ?, description = ?, script = ?"
				+ " WHERE installed_rank = ?";
		inOneTransaction(live, (connection) -> {
			requireUnchanged(connection, dialect, history, inspected, SchemaState.BASELINED);
			int rank;
			try (PreparedStatement last = connection.prepareStatement(
					"SELECT MAX(installed_rank) FROM " + history.qualified() + " WHERE type = 'BASELINE'");
					java.sql.ResultSet rows = last.executeQuery()) {
				rows.next();
				rank = rows.getInt(1);
			}
			try (PreparedStatement statement = connection.prepareStatement(update);
					PreparedStatement delete = connection
						.prepareStatement("DELETE FROM " + history.qualified() + " WHERE NOT success")) {
				statement.setString(1, version);
				statement.setString(2, description);
				statement.setString(3, description);
				statement.setInt(4, rank);
				statement.executeUpdate();
				if (removeFailedRows) {
					delete.executeUpdate();
				}
			}
		});
	}

	/** Refuses, inside the write transaction, a history that is not what the inspection read. */
	private static void requireUnchanged(Connection connection, Dialect dialect, HistoryTable history,
			HistoryRows inspected, SchemaState state) throws SQLException {
		HistoryRows now = HistoryRows.read(connection, dialect, history);
		if (!now.sameRowsAs(inspected)) {
			throw Refusals.historyChanged(state, history, inspected.summary(), now.summary());
		}
	}

	/**
	 * Swaps the BASELINE row for one row per versioned migration at or below it, in one
	 * transaction: version, description, type, script and checksum as Flyway resolves them; no
	 * repeatable migration, no callback fired. A kill before the commit leaves the BASELINE row.
	 * The transaction first re-reads the history: anything but BASELINE rows ending at the
	 * version Flyway reported (another process migrated meanwhile) refuses the swap.
	 */
	static void recordHistory(Flyway flyway, LiveDatabase live, Dialect dialect, HistoryTable history,
			Configuration configuration, SchemaState state) throws SQLException {
		MigrationInfo[] migrations = flyway.info().all();
		MigrationVersion baseline = java.util.Arrays.stream(migrations)
			.filter((migration) -> migration.getType().isBaseline())
			.map(MigrationInfo::getVersion)
			.reduce((first, second) -> second)
			.orElse(null);
		if (baseline == null) {
			return;
		}
		String insert = "INSERT INTO " + history.qualified() + " (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time, success) SELECT COALESCE(MAX(installed_rank), 0) + 1, ?, ?, ?,"
				+ " ?, ?, " + installedBy(configuration, dialect) + ", 0, TRUE FROM " + history.qualified();
		inOneTransaction(live, (connection) -> {
			HistoryRows now = HistoryRows.read(connection, dialect, history);
			if (now.applied() != 0 || now.baselines().isEmpty()
					|| !MigrationVersion.fromVersion(now.baselineVersion()).equals(baseline)) {
				throw Refusals.historyChanged(state, history, "a BASELINE row at " + baseline + " and no applied migration",
						now.summary());
			}
			try (PreparedStatement delete = connection
				.prepareStatement("DELETE FROM " + history.qualified() + " WHERE type = 'BASELINE'");
					PreparedStatement row = connection.prepareStatement(insert)) {
				delete.executeUpdate();
				for (MigrationInfo migration : migrations) {
					if (migration.getVersion() == null || migration.getType().isBaseline()
							|| migration.getVersion().isNewerThan(baseline) || migration.getScript() == null) {
						continue;
					}
					row.setString(1, migration.getVersion().getVersion());
					row.setString(2, migration.getDescription());
					row.setString(3, migration.getType().name());
					row.setString(4, migration.getScript());
					if (migration.getChecksum() != null) {
						row.setInt(5, migration.getChecksum());
					}
					else {
						row.setNull(5, java.sql.Types.INTEGER);
					}
					row.executeUpdate();
				}
			}
		});
	}

	/** Work on one connection of live's, committed whole or rolled back whole. */
	@FunctionalInterface
	private interface Work {

		void run(Connection connection) throws SQLException;

	}

	private static void inOneTransaction(LiveDatabase live, Work work) throws SQLException {
		try (Connection connection = live.dataSource().getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				work.run(connection);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	/** The highest version among the successful rows (BASELINE included), or {@code null}. */
	static String lastSuccessfulVersion(LiveDatabase live, HistoryTable history) throws SQLException {
		MigrationVersion last = null;
		try (Connection connection = live.dataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT version FROM " + history.qualified()
						+ " WHERE success AND version IS NOT NULL AND type NOT IN ('SCHEMA', 'DELETE')");
				java.sql.ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
				last = (last == null || version.isNewerThan(last)) ? version : last;
			}
		}
		return (last != null) ? last.getVersion() : null;
	}

	/** Deletes the failed rows in one statement; returns how many. */
	static int deleteFailedRows(LiveDatabase live, HistoryTable history) throws SQLException {
		try (Connection connection = live.dataSource().getConnection();
				PreparedStatement statement = connection
					.prepareStatement("DELETE FROM " + history.qualified() + " WHERE NOT success")) {
			int removed = statement.executeUpdate();
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return removed;
		}
	}

	private static String installedBy(Configuration configuration, Dialect dialect) {
		String configured = configuration.getInstalledBy();
		return (configured != null) ? "'" + configured.replace("'", "''") + "'" : dialect.currentUserSql();
	}

}
