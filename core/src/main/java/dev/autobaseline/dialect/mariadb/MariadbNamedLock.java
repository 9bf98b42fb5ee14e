package dev.autobaseline.dialect.mariadb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.LockLostException;
import dev.autobaseline.dialect.LockTimeoutException;
import dev.autobaseline.log.EngineLog;

/**
 * A named lock ({@code GET_LOCK}) on a connection opened outside the application's pool. Named
 * locks are server-wide, so the name is a hash of the database and history table, prefixed
 * {@code autobaseline_} (Flyway's own start {@code Flyway-}), 53 characters: within MySQL's 64.
 * The lock dies silently with its session: the session's {@code wait_timeout} is raised, and
 * {@link Held#checkHeld()} asks the server whether this session still holds it.
 */
final class MariadbNamedLock implements AdoptionLock {

	private static final EngineLog logger = EngineLog.of(MariadbNamedLock.class);

	/** MariaDB's and MySQL's largest {@code wait_timeout}: a year. */
	static final long SESSION_WAIT_TIMEOUT_SECONDS = 31_536_000;

	private static final long POLL_MILLIS = 100;

	private final DataSource outsidePool;

	private final String name;

	private final String key;

	MariadbNamedLock(DataSource outsidePool, String key) {
		this.outsidePool = outsidePool;
		this.key = key;
		this.name = name("autobaseline_", key);
	}

	/** A lock name of a prefix and the SHA-1 of the key, in hex. */
	static String name(String prefix, String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
			return prefix + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String lockName() {
		return this.name;
	}

	@Override
	public Held acquire(Duration timeout) throws SQLException {
		Connection connection = this.outsidePool.getConnection();
		try {
			connection.setAutoCommit(true);
			raiseWaitTimeout(connection);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!tryLock(connection, this.name)) {
				if (System.nanoTime() >= deadline) {
					throw new LockTimeoutException(describe(), timeout);
				}
				sleep();
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		return new Held() {

			@Override
			public void checkHeld() {
				if (!isHeldBy(connection, MariadbNamedLock.this.name)) {
					throw new LockLostException(describe());
				}
			}

			@Override
			public void close() {
				release(connection, MariadbNamedLock.this.name);
			}

		};
	}

	/** Sessions that hold a lock must outlive {@code replay.timeout}: the server ends idle ones. */
	static void raiseWaitTimeout(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION wait_timeout = " + SESSION_WAIT_TIMEOUT_SECONDS);
		}
	}

	/** Takes the lock if it is free, without waiting. */
	static boolean tryLock(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1) == 1;
			}
		}
	}

	/** Whether this session holds the lock; false too when the session is gone. */
	static boolean isHeldBy(Connection connection, String name) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() && rows.getInt(1) == 1 && !rows.wasNull();
			}
		}
		catch (SQLException ex) {
			return false;
		}
	}

	static void release(Connection connection, String name) {
		try (connection; PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, name);
			statement.executeQuery().close();
		}
		catch (SQLException ex) {
			// Closing the session releases its named locks anyway.
			logger.debug("Releasing the named lock failed; closing its session releases it: " + ex);
		}
	}

	String describe() {
		return "MariaDB named lock " + this.name + " for " + this.key
				+ ": SELECT IS_USED_LOCK('" + this.name + "') names the holding connection";
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the adoption lock", ex);
		}
	}

}
