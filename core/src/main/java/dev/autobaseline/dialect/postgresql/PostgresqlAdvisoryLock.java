package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.LockTimeoutException;
import dev.autobaseline.log.EngineLog;

/**
 * A session advisory lock with a two-int key of our own (readable in {@code pg_locks}, and
 * unable to collide with Flyway's bigint key), on a connection opened outside the application's
 * pool: a pooled connection returned without unlock would keep it held, and a pool of one would
 * starve Flyway.
 */
final class PostgresqlAdvisoryLock implements AdoptionLock {

	private static final EngineLog logger = EngineLog.of(PostgresqlAdvisoryLock.class);

	/** "ABL1": the adoption lock's class id. */
	static final int ADOPTION = 0x41424C31;

	/**
	 * "ABL2": the lock a replay holds inside its shadow database (one replay at a time in a
	 * provided shadow; in a temporary one, for earlier builds that look for it there).
	 */
	static final int SHADOW = 0x41424C32;

	/**
	 * "ABL3": held in live's database, keyed by a temporary shadow's name, from before its CREATE
	 * DATABASE until after its DROP. Advisory locks belong to one database but every session's
	 * are listed server-wide in {@code pg_locks}: a shadow whose key nobody holds was left by a
	 * process that died.
	 */
	static final int TEMPORARY_SHADOW = 0x41424C33;

	private static final long POLL_MILLIS = 100;

	private final DataSource outsidePool;

	private final int classId;

	private final int objectId;

	PostgresqlAdvisoryLock(DataSource outsidePool, int classId, int objectId) {
		this.outsidePool = outsidePool;
		this.classId = classId;
		this.objectId = objectId;
	}

	@Override
	public Held acquire(Duration timeout) throws SQLException {
		Connection connection = this.outsidePool.getConnection();
		try {
			connection.setAutoCommit(true);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!tryLock(connection)) {
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
		return () -> release(connection);
	}

	/** Takes the lock if it is free, without waiting. */
	boolean tryLock(Connection connection) throws SQLException {
		return call(connection, "SELECT pg_try_advisory_lock(?, ?)");
	}

	private void release(Connection connection) {
		try (connection) {
			if (!call(connection, "SELECT pg_advisory_unlock(?, ?)")) {
				logger.warn("autobaseline: the adoption lock (" + describe() + ") was not held at release: a"
						+ " transaction pooler such as PgBouncer in transaction mode is between the application and"
						+ " PostgreSQL, so session locks do not work. Point spring.flyway.url at a direct connection.");
			}
		}
		catch (SQLException ex) {
			// Closing the session releases a session lock anyway.
			logger.debug("Releasing the adoption lock failed; closing its session releases it: " + ex);
		}
	}

	private boolean call(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, this.classId);
			statement.setInt(2, this.objectId);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getBoolean(1);
			}
		}
	}

	String describe() {
		return "PostgreSQL advisory lock: pg_locks.classid = " + this.classId + ", objid = " + this.objectId;
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
