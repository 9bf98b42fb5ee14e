package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.JdbcUrls;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.dialect.ShadowUnavailableException;

/**
 * A shadow database the user provides with {@code autobaseline.shadow.url}: it must hold no
 * user objects; the replay cleans it afterwards.
 */
final class PostgresqlProvidedShadow implements Shadow {

	private final DriverManagerDataSource dataSource;

	private final Connection lockSession;

	private PostgresqlProvidedShadow(DriverManagerDataSource dataSource, Connection lockSession) {
		this.dataSource = dataSource;
		this.lockSession = lockSession;
	}

	static PostgresqlProvidedShadow open(PostgresqlDialect dialect, LiveDatabase live, ShadowSettings settings,
			java.time.Duration timeout) {
		String username = (settings.username() != null) ? settings.username() : live.username();
		String password = (settings.password() != null) ? settings.password() : live.password();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.url(), username, password,
				PostgresqlTemporaryShadow.sessionLimits(timeout));
		Connection lockSession = null;
		try {
			lockSession = dataSource.getConnection();
			lockSession.setAutoCommit(true);
			// One replay at a time in a shared shadow: another instance's replay holds this lock.
			if (!new PostgresqlAdvisoryLock(dataSource, PostgresqlAdvisoryLock.SHADOW, 0).tryLock(lockSession)) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + JdbcUrls.redact(settings.url())
						+ " is in use by another instance's replay; retry, or give each instance its own shadow", null);
			}
			// Not empty: someone else's database, or the live one itself.
			if (!dialect.isEmptyForFlyway(lockSession, dialect.currentSchema(lockSession), "")
					|| !dialect.readCatalog(lockSession).isEmpty()) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + JdbcUrls.redact(settings.url())
						+ " is not empty; it must point at an empty database used for nothing else (never the live one)",
						null);
			}
			return new PostgresqlProvidedShadow(dataSource, lockSession);
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(lockSession);
			if (ex instanceof ShadowUnavailableException unavailable) {
				throw unavailable;
			}
			throw new ShadowUnavailableException("cannot connect to autobaseline.shadow.url " + JdbcUrls.redact(settings.url()) + " ("
					+ ex.getMessage() + ")", ex);
		}
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

	@Override
	public DataSource dataSource() {
		return this.dataSource;
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

}
