package dev.autobaseline.dialect;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Holds other instances off while one inspects, detects, baselines and migrates a database.
 * Made per boot by the dialect; the engine wraps the whole sequence, and only it, in
 * {@link #acquire(Duration)}.
 */
public interface AdoptionLock {

	/** No lock (an in-memory database no other process can reach). */
	AdoptionLock NONE = new AdoptionLock() {

		@Override
		public boolean coversEveryBoot() {
			return false;
		}

		@Override
		public Held acquire(Duration timeout) {
			return () -> {
			};
		}

	};

	/**
	 * Whether the lock is cheap enough to take on every boot, fast path included (SQLite, where it
	 * also gives Flyway the lock it lacks), or only off the fast path (PostgreSQL, where Flyway's
	 * own lock protects a managed database).
	 */
	boolean coversEveryBoot();

	/**
	 * Waits for the lock.
	 * @throws LockTimeoutException when another instance holds it longer than the timeout
	 */
	Held acquire(Duration timeout) throws SQLException;

	/** A held lock: closing releases it. */
	interface Held extends AutoCloseable {

		@Override
		void close();

	}

}
