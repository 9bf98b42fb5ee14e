package dev.autobaseline.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of one application start together against one SQLite file: four separate
 * JVMs (processes) and four application contexts in this JVM. Exactly one adopts; every one
 * starts; the history is that of a single adoption. Rounds come from
 * {@code -Dautobaseline.test.repeats} (1 by default; more in the {@code long} profile).
 */
class ConcurrentJobsTests {

	private static final int REPEATS = Integer.getInteger("autobaseline.test.repeats", 1);

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	@TempDir
	Path workDir;

	@Test
	void fourProcessesAndFourContextsAdoptOneSqliteFileExactlyOnce() throws Exception {
		Path migrations = CrashTests.writeMigrations(this.workDir);
		// Spring Boot's logging system is global: four applications initialising it at once in one JVM
		// race ("Unable to find Spring Environment in logger context"). The contexts here log nothing.
		String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
		try {
			runRounds(migrations);
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

	private void runRounds(Path migrations) throws Exception {
		for (int round = 0; round < REPEATS; round++) {
			String url = "jdbc:sqlite:" + this.workDir.resolve("shared-" + round + ".db");
			try (var connection = CrashTests.connect(url, null)) {
				CrashTests.buildLegacy(connection);
			}
			Map<String, String> before = CrashTests.rowHashes(() -> CrashTests.connect(url, null));
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
							.run("--spring.datasource.url=" + url, "--spring.flyway.locations=filesystem:" + migrations,
									"--spring.datasource.hikari.maximum-pool-size=2")) {
							return context.getBean(Autobaseline.class).lastReport();
						}
					}));
				}
				for (int i = 0; i < 4; i++) {
					Path log = this.workDir.resolve("round-" + round + "-process-" + i + ".log");
					logs.add(log);
					processes.add(CrashTests.Job.start(this.workDir, url, null, migrations, log));
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
			assertThat(CrashTests.history(() -> CrashTests.connect(url, null))).isEqualTo(CrashTests.expectedHistory());
			assertThat(CrashTests.rowHashes(() -> CrashTests.connect(url, null))).isEqualTo(before);
		}
	}

}
