package dev.autobaseline.dialect.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import dev.autobaseline.dialect.SingleConnectionDataSource;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;

/**
 * An in-memory SQLite database on one held connection (a plain {@code :memory:} DataSource would
 * lose it between connections), with ATTACH disabled so that no script can reach a file.
 */
final class SqliteMemoryShadow implements Shadow {

	private final SingleConnectionDataSource dataSource;

	private final String description;

	private SqliteMemoryShadow(Connection connection, String description) {
		this.dataSource = new SingleConnectionDataSource(connection);
		this.description = description;
	}

	static SqliteMemoryShadow open(ShadowSettings settings) throws SQLException {
		Properties properties = new Properties();
		// limit_attached=0: ATTACH DATABASE 'file' fails instead of writing a real file.
		properties.setProperty("limit_attached", "0");
		if (settings.url() != null) {
			return new SqliteMemoryShadow(DriverManager.getConnection(settings.url(), properties),
					"shadow database " + dev.autobaseline.dialect.JdbcUrls.redact(settings.url()));
		}
		return new SqliteMemoryShadow(DriverManager.getConnection("jdbc:sqlite::memory:", properties),
				"in-memory SQLite shadow database");
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public void close() {
		this.dataSource.closeHeldConnection();
	}

}
