package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.JdbcUrls;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.dialect.ShadowUnavailableException;

/**
 * A shadow database the user provides with {@code autobaseline.shadow.url}: it must be an empty
 * database other than live's (same server and database is refused); one replay at a time holds
 * its named lock; the replay cleans it afterwards.
 */
final class MariadbProvidedShadow implements Shadow {

	private final DriverManagerDataSource dataSource;

	private final String database;

	private final String server;

	private final String liveServer;

	private final Connection lockSession;

	private MariadbProvidedShadow(DriverManagerDataSource dataSource, String database, String server,
			String liveServer, Connection lockSession) {
		this.dataSource = dataSource;
		this.database = database;
		this.server = server;
		this.liveServer = liveServer;
		this.lockSession = lockSession;
	}

	/**
	 * @param liveServer live's server identity ({@link #serverOf}), to refuse live as its own shadow
	 */
	static MariadbProvidedShadow open(MariadbDialect dialect, String liveServer, String liveUsername,
			String livePassword, ShadowSettings settings, List<String> sessionLimits) {
		String username = (settings.username() != null) ? settings.username() : liveUsername;
		String password = (settings.password() != null) ? settings.password() : livePassword;
		DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.url(), username, password,
				sessionLimits);
		String url = JdbcUrls.redact(settings.url());
		Connection lockSession = null;
		try {
			lockSession = dataSource.getConnection();
			lockSession.setAutoCommit(true);
			MariadbNamedLock.raiseWaitTimeout(lockSession);
			String database = dialect.currentSchema(lockSession);
			if (database == null) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + url + " names no database", null);
			}
			String server = serverOf(lockSession);
			// Named locks are server-wide: the name holds the database.
			if (!MariadbNamedLock.tryLock(lockSession, MariadbNamedLock.name("autobaseline_shadow_", server + "/" + database))) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + url
						+ " is in use by another instance's replay; retry, or give each instance its own shadow", null);
			}
			if (!dialect.isEmptyForFlyway(lockSession, database, "")
					|| !dialect.readCatalog(lockSession, java.util.List.of(database)).isEmpty()) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + url
						+ " is not empty; it must point at an empty database used for nothing else (never the live one)."
						+ " If a replay into it was interrupted (a killed process), it holds that replay's tables:"
						+ " empty it by hand (DROP DATABASE, then CREATE DATABASE)",
						null);
			}
			return new MariadbProvidedShadow(dataSource, database, server, liveServer, lockSession);
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(lockSession);
			if (ex instanceof ShadowUnavailableException unavailable) {
				throw unavailable;
			}
			throw new ShadowUnavailableException("cannot connect to autobaseline.shadow.url " + url + " ("
					+ ex.getMessage() + ")", ex);
		}
	}

	/** Which server a session is on: host name, port and data directory, as the server says. */
	static String serverOf(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT CONCAT_WS(':', @@hostname, @@port, @@datadir)")) {
			rows.next();
			return rows.getString(1);
		}
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String schemaFor(String liveSchema) {
		if (this.server.equals(this.liveServer) && this.database.equals(liveSchema)) {
			throw new ShadowUnavailableException("autobaseline.shadow.url " + JdbcUrls.redact(this.dataSource.url())
					+ " is the live database itself; it must point at another, empty database", null);
		}
		return this.database;
	}

	@Override
	public String description() {
		return "shadow database " + JdbcUrls.redact(this.dataSource.url());
	}

	@Override
	public boolean cleanAfterUse() {
		return true;
	}

	@Override
	public void close() {
		closeQuietly(this.lockSession);
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closing the session releases its lock.
			}
		}
	}

}
