package dev.autobaseline.spring;

import dev.autobaseline.dialect.LockTimeoutException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports that another instance held the adoption lock past {@code autobaseline.lock-timeout},
 * with how to find the holder.
 */
public class LockTimeoutFailureAnalyzer extends AbstractFailureAnalyzer<LockTimeoutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LockTimeoutException cause) {
		String description = "Flyway Autobaseline waited autobaseline.lock-timeout ("
				+ DurationText.of(cause.getTimeout()) + ") for the adoption lock (" + cause.getLock()
				+ "), which another instance holds while it adopts or migrates the same database. Nothing was written"
				+ " to the database.";
		String action = "Start again once the other instance has finished, or raise autobaseline.lock-timeout if"
				+ " adoptions take longer than that. If no other instance is running, " + findTheHolder(cause.getLock());
		return new FailureAnalysis(description, action, cause);
	}

	private static String findTheHolder(String lock) {
		if (lock.startsWith("PostgreSQL")) {
			return "find the session that holds it (SELECT a.pid, a.application_name, a.client_addr FROM pg_locks l"
					+ " JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.granted) and end it"
					+ " with pg_terminate_backend(pid).";
		}
		return "find the process that has the lock file open (lsof on the file) and stop it; never delete the lock"
				+ " file while a process may wait on it.";
	}

}
