package dev.autobaseline.autoconfigure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.autobaseline.dialect.LockTimeoutException;
import dev.autobaseline.spring.LockTimeoutFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LockTimeoutFailureAnalyzer}: another process holds a SQLite database's
 * adoption lock file for longer than the lock timeout.
 */
class LockTimeoutFailureAnalyzerTests {

	/** A second JVM that holds an OS lock on a file until its standard input closes. */
	private static final String LOCK_HOLDER = """
			import java.nio.channels.FileChannel;
			import java.nio.file.Path;
			import java.nio.file.StandardOpenOption;

			public class LockHolder {
				public static void main(String[] args) throws Exception {
					try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
							StandardOpenOption.WRITE); var lock = channel.lock()) {
						System.out.println("locked");
						System.in.read();
					}
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void lockAnotherProcessHoldsIsReportedWithHowToFindIt() throws Exception {
		SqliteStartup app = new SqliteStartup(this.temp.toRealPath()).migrations("V1__create_author.sql",
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);");
		app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		Path lockFile = app.folder().resolve("app.db.autobaseline-lock");
		Process holder = holdLock(lockFile);
		try {
			FailureAnalysis analysis = app.analyzeStartupFailure(new LockTimeoutFailureAnalyzer(),
					"autobaseline.lock-timeout=300ms");
			assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline waited autobaseline.lock-timeout"
					+ " (300ms) for the adoption lock (lock file " + lockFile + "), which another instance holds while it"
					+ " adopts or migrates the same database. Nothing was written to the database.");
			assertThat(analysis.getAction()).isEqualTo("Start again once the other instance has finished, or raise"
					+ " autobaseline.lock-timeout if adoptions take longer than that. If no other instance is running,"
					+ " find the process that has the lock file open (lsof on the file) and stop it; never delete the"
					+ " lock file while a process may wait on it.");
		}
		finally {
			holder.getOutputStream().close();
			if (!holder.waitFor(30, TimeUnit.SECONDS)) {
				holder.destroyForcibly();
			}
		}
	}

	@Test
	void postgresqlAdvisoryLockIsReportedWithTheQueryThatFindsItsSession() {
		String lock = "PostgreSQL advisory lock: pg_locks.classid = 1096040513, objid = 42";
		FailureAnalysis analysis = new LockTimeoutFailureAnalyzer().analyze(new BeanCreationException(
				"flywayInitializer", "Invocation of init method failed", new LockTimeoutException(lock, Duration.ofMinutes(1))));
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline waited autobaseline.lock-timeout (1m) for"
				+ " the adoption lock (" + lock + "), which another instance holds while it adopts or migrates the same"
				+ " database. Nothing was written to the database.");
		assertThat(analysis.getAction()).isEqualTo("Start again once the other instance has finished, or raise"
				+ " autobaseline.lock-timeout if adoptions take longer than that. If no other instance is running, find"
				+ " the session that holds it (SELECT a.pid, a.application_name, a.client_addr FROM pg_locks l JOIN"
				+ " pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.granted) and end it with"
				+ " pg_terminate_backend(pid).");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(AdoptionRefusedFailureAnalyzerTests.registeredAnalyzers())
			.filteredOn(LockTimeoutFailureAnalyzer.class::isInstance)
			.hasSize(1);
	}

	private Process holdLock(Path lockFile) throws Exception {
		Path source = Files.writeString(this.temp.resolve("LockHolder.java"), LOCK_HOLDER);
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				source.toString(), lockFile.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		assertThat(output.readLine()).as("the lock holder's first line").isEqualTo("locked");
		return process;
	}

}
