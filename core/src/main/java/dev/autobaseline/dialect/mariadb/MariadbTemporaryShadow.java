package dev.autobaseline.dialect.mariadb;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowUnavailableException;
import dev.autobaseline.log.EngineLog;

/**
 * A temporary database on the live server with live's default character set and collation,
 * always dropped. Its name says when it was made and whose it is
 * ({@code autobaseline_shadow_<seconds>_<hash of live's database>_<random>}). DROP DATABASE
 * succeeds here while another session uses the database, so "in use" is a named lock per shadow,
 * taken before CREATE DATABASE on a session outside the pool and held until after the drop: a
 * leftover is dropped only by whoever gets its lock.
 */
final class MariadbTemporaryShadow implements Shadow {

	private static final EngineLog logger = EngineLog.of(MariadbTemporaryShadow.class);

	static final String NAME_PREFIX = "autobaseline_shadow_";

	private static final Pattern NAME = Pattern.compile("^" + NAME_PREFIX + "(\\d+)_([0-9a-f]{6})_[0-9a-f]{6}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String name;

	private final String liveDatabase;

	private final DataSource dataSource;

	private final Connection lockSession;

	private MariadbTemporaryShadow(String name, String liveDatabase, DataSource dataSource, Connection lockSession) {
		this.name = name;
		this.liveDatabase = liveDatabase;
		this.dataSource = dataSource;
		this.lockSession = lockSession;
	}

	/**
	 * Creates the shadow for the live database.
	 * @param url live's URL: the shadow's sessions are opened outside the pool, as the shadow's user
	 * @param liveDefaults live's {@code CHARACTER SET ... COLLATE ...} clause
	 */
	static MariadbTemporaryShadow create(MariadbUrl url, String username, String password, String liveDatabase,
			String liveDefaults, List<String> sessionLimits) {
		String name = NAME_PREFIX + (System.currentTimeMillis() / 1000) + "_" + owner(liveDatabase) + "_"
				+ String.format("%06x", RANDOM.nextInt() & 0xffffff);
		Connection session = null;
		try {
			session = new DriverManagerDataSource(url.server(), username, password).getConnection();
			session.setAutoCommit(true);
			MariadbNamedLock.raiseWaitTimeout(session);
			if (!MariadbNamedLock.tryLock(session, lockName(name))) {
				throw new SQLException("the lock of the new shadow " + name + " is taken");
			}
			dropAbandoned(session);
			try (Statement statement = session.createStatement()) {
				statement.execute("CREATE DATABASE " + MariadbDialect.quoteName(name) + liveDefaults);
			}
		}
		catch (SQLException ex) {
			closeQuietly(session);
			throw new ShadowUnavailableException("could not create a temporary shadow database on the live server ("
					+ ex.getMessage() + "). Grant the application's user the shadow databases only, with GRANT ALL ON"
					+ " `autobaseline\\_shadow\\_%`.* TO the user, or set autobaseline.shadow.url to an empty database"
					+ " it may use", ex);
		}
		DataSource dataSource = new DriverManagerDataSource(url.withDatabase(name), username, password,
				sessionLimits);
		return new MariadbTemporaryShadow(name, liveDatabase, dataSource, session);
	}

	/** Whose a shadow is: six hex digits of live's database name. */
	static String owner(String liveDatabase) {
		return MariadbNamedLock.name("", liveDatabase).substring(0, 6);
	}

	/** The named lock a shadow's replay holds: 57 characters. */
	static String lockName(String shadow) {
		return "autobaseline:" + shadow;
	}

	/**
	 * Drops shadows left by killed processes, however young: those whose named lock this session
	 * gets at once, held across the drop. A creator takes its shadow's lock before CREATE DATABASE
	 * and releases it after the drop, so a free lock means nobody creates, prepares or replays
	 * into it.
	 */
	private static void dropAbandoned(Connection session) {
		List<String> candidates = new ArrayList<>();
		try (Statement statement = session.createStatement(); ResultSet rows = statement.executeQuery(
				"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'autobaseline\\_shadow\\_%'")) {
			while (rows.next()) {
				Matcher matcher = NAME.matcher(rows.getString(1));
				if (matcher.matches()) {
					candidates.add(rows.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not list leftover shadow databases: " + ex);
			return;
		}
		for (String leftover : candidates) {
			try {
				if (!MariadbNamedLock.tryLock(session, lockName(leftover))) {
					continue;
				}
				try (Statement statement = session.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS " + MariadbDialect.quoteName(leftover));
					logger.info("autobaseline: dropped the shadow database `" + leftover
							+ "` that a stopped process left behind");
				}
				finally {
					try (PreparedStatement release = session.prepareStatement("SELECT RELEASE_LOCK(?)")) {
						release.setString(1, lockName(leftover));
						release.executeQuery().close();
					}
				}
			}
			catch (SQLException ex) {
				logger.debug("Leftover shadow database " + leftover + " was not dropped; left for later: " + ex);
			}
		}
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String schemaFor(String liveSchema) {
		// One database per adoption (checked before): live's is this one here.
		if (!liveSchema.equals(this.liveDatabase)) {
			throw new IllegalStateException("The shadow of " + this.liveDatabase + " has no place for " + liveSchema);
		}
		return this.name;
	}

	@Override
	public String description() {
		return "temporary shadow database `" + this.name + "`";
	}

	@Override
	public void close() {
		// Dropped on the session that holds its lock, so nobody sees it unlocked before it is gone.
		try (Statement statement = this.lockSession.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + MariadbDialect.quoteName(this.name));
		}
		catch (SQLException ex) {
			throw new ShadowUnavailableException("could not drop the temporary shadow database " + this.name
					+ "; drop it by hand with DROP DATABASE `" + this.name + "`", ex);
		}
		finally {
			MariadbNamedLock.release(this.lockSession, lockName(this.name));
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closing the session releases its locks.
			}
		}
	}

}
