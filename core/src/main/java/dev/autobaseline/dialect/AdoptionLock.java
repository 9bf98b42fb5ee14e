package dev.autobaseline.dialect;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Holds other instances off while one inspects, detects, baselines and migrates a database.
 * Made per boot by the dialect; the engine wraps the whole sequence in {@link #acquire(Duration)}
 * ({@link Dialect#locksEveryBoot(boolean)} says whether the fast path runs under it too).
 */
public interface AdoptionLock {

	/** No lock (an in-memory database no other process can reach). */
	AdoptionLock NONE = new AdoptionLock() {

		@Override
		public Held acquire(Duration timeout) {
			return () -> {
			};
		}

	};

	/**
	 * Waits for the lock.
	 * @throws LockTimeoutException when another instance holds it longer than the timeout
	 */
	Held acquire(Duration timeout) throws SQLException;

	/** A held lock: closing releases it. */
	interface Held extends AutoCloseable {

		/**
		 * Checks that the lock is still held, before comparing catalogs and before each write: a
		 * MariaDB named lock is lost, silently, with its session.
		 * @throws LockLostException when it is not
		 */
		default void checkHeld() throws SQLException {
		}

		@Override
		void close();

	}

}
