package dev.autobaseline.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.LockTimeoutException;
import dev.autobaseline.engine.AdoptionRefusedException;
import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.InvalidConfigurationException;
import dev.autobaseline.engine.SchemaState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety promises, written once and run against every engine: one adopter at a time, a
 * pool of one, clear errors for bad input with nothing written. A property Spring Boot cannot
 * bind is autoconfigure's {@code SpringBootScenarios}' business.
 */
abstract class SafetyScenarios extends ScenarioSupport {

	/** Rounds of the concurrency test ({@code -Dautobaseline.test.repeats}; more in the {@code long} profile). */
	static final int REPEATS = Integer.getInteger("autobaseline.test.repeats", 1);

	/** How many applications boot at once against one database. */
	int concurrentInstances() {
		return 4;
	}

	// --- One adopter at a time

	@Test
	void instancesBootingTogetherAdoptExactlyOnce() throws Exception {
		for (int round = 0; round < REPEATS; round++) {
			if (round > 0) {
				this.database.close();
				this.database = createDatabase(Files.createTempDirectory(this.temp, "round"));
			}
			assertInstancesBootingTogetherAdoptExactlyOnce();
		}
	}

	private void assertInstancesBootingTogetherAdoptExactlyOnce() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		List<String> before = LibraryMigrations.libraryRows(this.database);
		int instances = concurrentInstances();
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		CountDownLatch start = new CountDownLatch(1);
		List<AdoptionReport> reports = Collections.synchronizedList(new ArrayList<>());
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					boot("spring.datasource.hikari.maximum-pool-size=2").run((context) -> reports.add(report(context)));
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(reports).hasSize(instances);
		assertThat(reports).filteredOn(AdoptionReport::baselineWritten).singleElement()
			.satisfies((adopter) -> assertThat(adopter.state()).isEqualTo(SchemaState.UNMANAGED));
		assertThat(reports).filteredOn((report) -> !report.baselineWritten())
			.allSatisfy((waiter) -> assertThat(waiter.state()).isEqualTo(SchemaState.MANAGED));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
	}

	@Test
	void lockHeldByAnotherInstanceTimesOutNamingThePropertyAndWritesNothing() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			try (AdoptionLock.Held lock = adoptionLock().acquire(Duration.ofSeconds(10))) {
				held.countDown();
				release.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		holder.start();
		try {
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			boot("autobaseline.lock-timeout=500ms").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(LockTimeoutException.class)
					.hasMessageContaining(named("autobaseline.lock-timeout"))
					.hasMessageContaining("nothing was written");
			});
		}
		finally {
			release.countDown();
			holder.join();
		}
		assertThat(this.database.fingerprint()).isEqualTo(before);
		// Once the other instance is done, the next boot adopts.
		boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
	}

	/** The adoption lock as another instance would take it. */
	AdoptionLock adoptionLock() throws Exception {
		Dialect dialect = Dialect.forUrl(this.database.url());
		LiveDatabase live = new LiveDatabase(
				new DriverManagerDataSource(this.database.url(), this.database.username(), this.database.password()),
				this.database.url(), this.database.username(), this.database.password());
		try (Connection connection = live.dataSource().getConnection()) {
			String schema = dialect.currentSchema(connection);
			return dialect.adoptionLock(live, connection, dialect.qualify(schema, "flyway_schema_history"), false);
		}
	}

	@Test
	void historyAnotherProcessWritesDuringTheReplayRefusesTheBaselineAndWritesNothing() throws Exception {
		// Plain Flyway on another instance (no adoption lock) records a migration while this one replays:
		// the write transaction re-reads the history and writes no BASELINE row beside it.
		createEmptyHistoryTable();
		LibraryMigrations.legacyAt(this.database, 2);
		List<String> rows = LibraryMigrations.libraryRows(this.database);
		java.util.concurrent.atomic.AtomicBoolean wrote = new java.util.concurrent.atomic.AtomicBoolean();
		dev.autobaseline.scenario.interloper.V6__Another_process_writes_the_history.whileReplayed = () -> {
			if (wrote.compareAndSet(false, true)) {
				try {
					this.database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
							+ " script, checksum, installed_by, execution_time, success)"
							+ " VALUES (1, '2', 'by hand', 'SQL', 'V2__by_hand.sql', NULL, 'someone', 0, TRUE)");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		};
		try {
			boot("spring.flyway.locations=filesystem:" + this.migrations + ",classpath:dev/autobaseline/scenario/interloper")
				.run((context) -> {
					assertThat(context).hasFailed();
					Throwable cause = context.getStartupFailure();
					while (cause != null && !(cause instanceof AdoptionRefusedException)) {
						cause = cause.getCause();
					}
					assertThat(cause).as("an AdoptionRefusedException in %s", context.getStartupFailure())
						.isInstanceOf(AdoptionRefusedException.class);
					AdoptionRefusedException refusal = (AdoptionRefusedException) cause;
					assertThat(refusal.getReason()).isEqualTo(AdoptionRefusedException.Reason.HISTORY_CHANGED);
					assertThat(refusal.getDescription()).contains("changed after it was inspected (it held 0 BASELINE row(s),"
							+ " 0 applied (0 failed), 0 schema marker(s), it now holds 0 BASELINE row(s), 1 applied (0 failed)")
						.contains("Nothing was written to the database.");
				});
		}
		finally {
			dev.autobaseline.scenario.interloper.V6__Another_process_writes_the_history.whileReplayed = null;
		}
		assertThat(wrote).isTrue();
		assertThat(this.database.history()).containsExactly("2:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(rows);
	}

	@Test
	void poolOfOneConnectionIsEnough() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		List<String> properties = new ArrayList<>(List.of("spring.datasource.hikari.maximum-pool-size=1",
				"spring.datasource.hikari.connection-timeout=5000"));
		properties.addAll(poolOfOneProperties());
		boot(properties.toArray(String[]::new)).run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	/** What a pool of one needs besides its size (PostgreSQL: Flyway's lock without a second connection). */
	List<String> poolOfOneProperties() {
		return List.of();
	}

	// --- Bad input: a clear error naming the property, nothing written

	@Test
	void malformedFixedVersionIsRefusedNamingTheProperty() throws Exception {
		assertInvalid("autobaseline.fixed-version", "is not a Flyway version", "autobaseline.mode=fixed",
				"autobaseline.fixed-version=two");
	}

	@Test
	void fixedVersionNoMigrationHasIsRefusedNamingTheProperty() throws Exception {
		assertInvalid("autobaseline.fixed-version", "names no migration", "autobaseline.mode=fixed",
				"autobaseline.fixed-version=9");
	}

	@Test
	void negativeLockTimeoutIsRefusedNamingTheProperty() throws Exception {
		assertInvalid("autobaseline.lock-timeout", "must be zero or positive", "autobaseline.lock-timeout=-1s");
	}

	@Test
	void negativeReplayTimeoutIsRefusedNamingTheProperty() throws Exception {
		assertInvalid("autobaseline.replay.timeout", "must be zero or positive", "autobaseline.replay.timeout=-5s");
	}

	@Test
	void shadowUrlOfAnotherEngineIsRefusedNamingTheProperty() throws Exception {
		assertInvalid("autobaseline.shadow.url", "must be of the live engine",
				"autobaseline.shadow.url=" + otherEngineUrl());
	}

	/** A JDBC URL of the engine this suite does not run on. */
	abstract String otherEngineUrl();

	@Test
	void passwordsNeverReachLogsOrReports(CapturedOutput output) throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("ALTER TABLE book ADD COLUMN legacy_flag INTEGER");
		String secret = "S3cret-Pa55word-" + System.nanoTime();
		boot("spring.datasource.password=" + secret, "autobaseline.shadow.password=" + secret)
			.run((context) -> assertThat(context).hasFailed());
		assertThat(output).contains("legacy_flag").doesNotContain(secret);
	}

	void assertInvalid(String property, String reason, String... properties) throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationException.class)
				.hasMessageContaining(setting(property))
				.hasMessageContaining(reason)
				.hasMessageContaining("Nothing was written");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	static Throwable rootCause(PlainBoot.Run context) {
		Throwable cause = context.getStartupFailure();
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	static boolean exists(Path path) {
		return Files.exists(path);
	}

}
