package dev.autobaseline.dialect.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.LockTimeoutException;

/**
 * An in-JVM lock per canonical database file, then an OS lock on a sidecar file next to it. The
 * JVM lock comes first: a second {@code FileChannel.lock()} in the same JVM would throw at once.
 * The sidecar is never deleted: a waiter on the old inode would lose mutual exclusion.
 */
final class SqliteFileLock implements AdoptionLock {

	static final String SIDECAR_SUFFIX = ".autobaseline-lock";

	private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

	private static final long POLL_MILLIS = 50;

	private final Path database;

	SqliteFileLock(Path database) {
		this.database = database;
	}

	@Override
	public Held acquire(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(this.database, (path) -> new ReentrantLock());
		try {
			if (!jvmLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new LockTimeoutException(describe(), timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the adoption lock", ex);
		}
		try {
			FileChannel channel = FileChannel.open(sidecar(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			try {
				FileLock fileLock;
				while ((fileLock = channel.tryLock()) == null) {
					if (System.nanoTime() >= deadline) {
						throw new LockTimeoutException(describe(), timeout);
					}
					Thread.sleep(POLL_MILLIS);
				}
				FileLock held = fileLock;
				return () -> release(held, channel, jvmLock);
			}
			catch (IOException | InterruptedException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}
		catch (InterruptedException ex) {
			jvmLock.unlock();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the adoption lock", ex);
		}
		catch (IOException ex) {
			jvmLock.unlock();
			throw new IllegalStateException("Flyway Autobaseline cannot lock " + sidecar() + " (" + ex.getMessage()
					+ "): the folder of the SQLite database must be writable", ex);
		}
		catch (RuntimeException ex) {
			jvmLock.unlock();
			throw ex;
		}
	}

	private static void release(FileLock fileLock, FileChannel channel, ReentrantLock jvmLock) {
		try (channel) {
			fileLock.release();
		}
		catch (IOException ex) {
			// Closing the channel releases the lock too.
		}
		finally {
			jvmLock.unlock();
		}
	}

	Path sidecar() {
		return Path.of(this.database + SIDECAR_SUFFIX);
	}

	private String describe() {
		return "lock file " + sidecar();
	}

}
