package dev.autobaseline.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.dialect.Dialect;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * What Flyway's history table holds, by kind of row.
 *
 * @param exists whether the table exists
 * @param applied rows of migrations Flyway ran (any type but SCHEMA, DELETE and BASELINE), failed ones included
 * @param failed applied rows with {@code success} false
 * @param baselines versions of the BASELINE rows, oldest first
 * @param markers SCHEMA marker rows
 * @param failedVersions the versions of the failed rows ({@code null} for a repeatable), oldest first,
 * where the rows were read one by one
 */
record HistoryRows(boolean exists, int applied, int failed, List<String> baselines, int markers,
		List<String> failedVersions) {

	HistoryRows(boolean exists, int applied, int failed, List<String> baselines, int markers) {
		this(exists, applied, failed, baselines, markers, List.of());
	}

	static final HistoryRows ABSENT = new HistoryRows(false, 0, 0, List.of(), 0);

	private static final String APPLIED = "type NOT IN ('SCHEMA', 'DELETE', 'BASELINE')";

	/**
	 * The fast path: one query for the applied and failed rows, {@code null} when the table is
	 * missing. Every boot of an adopted application takes it.
	 */
	static HistoryRows countApplied(Connection connection, HistoryTable history) throws SQLException {
		String sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN success THEN 0 ELSE 1 END), 0) FROM " + history.qualified()
				+ " WHERE " + APPLIED;
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return new HistoryRows(true, rows.getInt(1), rows.getInt(2), List.of(), 0);
		}
		catch (SQLException ex) {
			// No such table (or not Flyway's): the full inspection finds out which.
			return null;
		}
	}

	/**
	 * The fast path before the history table is located: one statement on PostgreSQL and SQLite
	 * alike (init-sqls, which can move the default schema, cost their own round trip first).
	 * @return the rows and where the table is, or {@code null} when the table is missing or not
	 * where Flyway looks
	 */
	static FastPath fastPath(Connection connection, Dialect dialect, Configuration configuration)
			throws SQLException {
		String schema = (configuration.getDefaultSchema() != null) ? configuration.getDefaultSchema()
				: (configuration.getSchemas().length > 0) ? configuration.getSchemas()[0] : null;
		if (schema == null && configuration.getInitSql() != null) {
			HistoryTable history = HistoryTable.locate(configuration, dialect, connection);
			HistoryRows rows = countApplied(connection, history);
			return (rows != null) ? new FastPath(rows, history) : null;
		}
		String sql = dialect.fastPathSql(schema, configuration.getTable(), APPLIED);
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			if (rows.getInt(3) != 1) {
				return null;
			}
			return new FastPath(new HistoryRows(true, rows.getInt(1), rows.getInt(2), List.of(), 0),
					HistoryTable.of(configuration, dialect, rows.getString(4)));
		}
		catch (SQLException ex) {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			return null;
		}
	}

	/** What the fast path found: the applied rows, and the history table it counted them in. */
	record FastPath(HistoryRows rows, HistoryTable history) {

		boolean managed() {
			return this.rows.applied() > 0 && this.rows.failed() == 0;
		}

	}

	/** Every row, read off the fast path. */
	static HistoryRows read(Connection connection, Dialect dialect, HistoryTable history) throws SQLException {
		if (!dialect.tableExists(connection, history.schema(), history.table())) {
			return ABSENT;
		}
		int applied = 0;
		int failed = 0;
		int markers = 0;
		List<String> baselines = new ArrayList<>();
		List<String> failedVersions = new ArrayList<>();
		String sql = "SELECT version, type, success FROM " + history.qualified() + " ORDER BY installed_rank";
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				switch (rows.getString(2)) {
					case "BASELINE" -> baselines.add(rows.getString(1));
					case "SCHEMA" -> markers++;
					case "DELETE" -> {
					}
					default -> {
						applied++;
						if (!rows.getBoolean(3)) {
							failed++;
							failedVersions.add(rows.getString(1));
						}
					}
				}
			}
		}
		return new HistoryRows(true, applied, failed, baselines, markers, failedVersions);
	}

	/**
	 * BASELINE rows, failed rows, and no migration applied successfully: what a failed
	 * {@code baseline-on-migrate} attempt leaves where DDL is not transactional (MariaDB), the
	 * failed script's first statements applied.
	 */
	boolean isFailedBaselineAttempt() {
		return !this.baselines.isEmpty() && this.failed > 0 && this.applied == this.failed;
	}

	boolean isEmpty() {
		return this.applied == 0 && this.baselines.isEmpty() && this.markers == 0;
	}

	/** The version of the last BASELINE row. */
	String baselineVersion() {
		return this.baselines.get(this.baselines.size() - 1);
	}

	/** The rows as a person counts them, for a report: {@code 1 BASELINE row (2), 0 applied, 0 failed}. */
	String summary() {
		return this.baselines.size() + " BASELINE row(s)" + (this.baselines.isEmpty() ? "" : " " + this.baselines)
				+ ", " + this.applied + " applied (" + this.failed + " failed), " + this.markers + " schema marker(s)";
	}

	/** Whether another read found the same rows: the same kinds, counts and BASELINE versions. */
	boolean sameRowsAs(HistoryRows other) {
		return this.exists == other.exists && this.applied == other.applied && this.failed == other.failed
				&& this.baselines.equals(other.baselines) && this.markers == other.markers;
	}

}
