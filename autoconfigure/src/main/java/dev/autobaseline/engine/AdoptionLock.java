package dev.autobaseline.engine;

import java.util.concurrent.Callable;

import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;

/**
 * Holds other instances off while one inspects, detects, baselines and migrates. The engine wraps
 * that whole sequence, and only it, in {@link #around}.
 */
@FunctionalInterface
public interface AdoptionLock {

	/** No lock: for a single instance. */
	AdoptionLock NONE = new AdoptionLock() {
		@Override
		public <T> T around(LiveDatabase live, Dialect dialect, Callable<T> adoption) throws Exception {
			return adoption.call();
		}
	};

	/** Runs the adoption while holding the lock. */
	<T> T around(LiveDatabase live, Dialect dialect, Callable<T> adoption) throws Exception;

}
