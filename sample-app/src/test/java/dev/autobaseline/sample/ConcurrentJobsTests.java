package dev.autobaseline.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of one application start together against one database (a SQLite file, a
 * MariaDB database): four separate JVMs (processes) and four application contexts in this JVM.
 * Exactly one adopts; every one starts; the history is that of a single adoption. Rounds come
 * from {@code -Dautobaseline.test.repeats} (1 by default; more in the {@code long} profile).
 */
class ConcurrentJobsTests {

	private static final int REPEATS = Integer.getInteger("autobaseline.test.repeats", 1);

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	@TempDir
	Path workDir;

	@Test
	void fourProcessesAndFourContextsAdoptOneSqliteFileExactlyOnce() throws Exception {
		Path migrations = CrashTests.writeMigrations(this.workDir);
		withoutLoggingSystem(() -> {
			for (int round = 0; round < REPEATS; round++) {
				String url = "jdbc:sqlite:" + this.workDir.resolve("shared-" + round + ".db");
				runRound(round, migrations, url, null, () -> CrashTests.connect(url, null), false);
			}
		});
	}

	@Test
	void fourProcessesAndFourContextsAdoptOneMariadbDatabaseExactlyOnce() throws Exception {
		Path migrations = CrashTests.writeMigrations(this.workDir, true);
		withoutLoggingSystem(() -> {
			for (int round = 0; round < REPEATS; round++) {
				MariadbTestServer.TestDatabase database = MariadbTestServer.createDatabase("autobaseline_concurrent");
				try {
					runRound(round, migrations, database.url(), MariadbTestServer.USER, database::connect, true);
				}
				finally {
					database.drop();
				}
			}
		});
	}

	/** Spring Boot's logging system off while {@code rounds} run. */
	private static void withoutLoggingSystem(Rounds rounds) throws Exception {
		// Spring Boot's logging system is global: four applications initialising it at once in one JVM
		// race ("Unable to find Spring Environment in logger context"). The contexts here log nothing.
		String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
		try {
			rounds.run();
		}
		finally {
			if (loggingSystem != null) {
				System.setProperty(LOGGING_SYSTEM, loggingSystem);
			}
			else {
				System.clearProperty(LOGGING_SYSTEM);
			}
		}
	}

	private void runRound(int round, Path migrations, String url, String user,
			Supplier<Connection> connect, boolean mariadb) throws Exception {
		try (var connection = connect.get()) {
			CrashTests.buildLegacy(connection, mariadb);
		}
		Map<String, String> before = CrashTests.rowHashes(connect);
		List<Process> processes = new ArrayList<>();
		List<Path> logs = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<AdoptionReport>> contexts = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				contexts.add(threads.submit(() -> {
					go.await();
					try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
						.web(WebApplicationType.NONE)
						.run(arguments(url, user, migrations))) {
						return context.getBean(Autobaseline.class).lastReport();
					}
				}));
			}
			for (int i = 0; i < 4; i++) {
				Path log = this.workDir.resolve("round-" + round + "-process-" + i + ".log");
				logs.add(log);
				processes.add(CrashTests.Job.start(this.workDir, url, user, migrations, log));
			}
			go.countDown();
			int adoptions = 0;
			for (Future<AdoptionReport> context : contexts) {
				AdoptionReport report = context.get(3, TimeUnit.MINUTES);
				adoptions += report.baselineWritten() ? 1 : 0;
			}
			for (int i = 0; i < processes.size(); i++) {
				CrashTests.Job.Result result = CrashTests.Job.finish(processes.get(i), logs.get(i), false);
				assertThat(result.exitCode()).as(result.output()).isZero();
				adoptions += result.output().contains("baselined at " + 20) ? 1 : 0;
			}
			assertThat(adoptions).as("instances that wrote the BASELINE row").isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
			processes.forEach(Process::destroyForcibly);
		}
		assertThat(CrashTests.history(connect)).isEqualTo(CrashTests.expectedHistory());
		assertThat(CrashTests.rowHashes(connect)).isEqualTo(before);
	}

	private static String[] arguments(String url, String user, Path migrations) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
				"--spring.flyway.locations=filesystem:" + migrations, "--spring.datasource.hikari.maximum-pool-size=2"));
		if (user != null) {
			arguments.add("--spring.datasource.username=" + user);
		}
		return arguments.toArray(String[]::new);
	}

	@FunctionalInterface
	private interface Rounds {

		void run() throws Exception;

	}

}
