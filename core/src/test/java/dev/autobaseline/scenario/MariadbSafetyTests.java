package dev.autobaseline.scenario;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety promises on the real MariaDB server: named locks, shadows, provided shadows, and
 * live left byte-identical.
 */
class MariadbSafetyTests extends SafetyScenarios {

	static final List<String> OWNERS = Collections.synchronizedList(new ArrayList<>());

	@Override
	TestDatabase createDatabase(Path folder) throws Exception {
		MariadbTestDatabase database = new MariadbTestDatabase("safety");
		OWNERS.add(database.ownerTag());
		return database;
	}

	@Override
	String relation(String name) {
		return name;
	}

	@Override
	int concurrentInstances() {
		return Integer.getInteger("autobaseline.test.instances", 8);
	}

	@Override
	String otherEngineUrl() {
		return "jdbc:sqlite::memory:";
	}

	private MariadbTestDatabase mariadb() {
		return (MariadbTestDatabase) this.database;
	}

	@AfterAll
	static void noShadowDatabaseIsLeftBehind() throws Exception {
		assertThat(MariadbTestDatabase.shadowsLeft(OWNERS)).isEmpty();
	}

	@Override
	@Test
	void passwordsNeverReachLogsOrReports(CapturedOutput output) throws Exception {
		// The suite boots with a made-up password; this server's root has none and refuses a wrong one
		// before anything is read. Here only the shadow's password is made up: it reaches the shadow
		// connection, which must not log it either.
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("ALTER TABLE book ADD COLUMN legacy_flag INTEGER");
		String secret = "S3cret-Pa55word-" + System.nanoTime();
		boot("autobaseline.shadow.password=" + secret).run((context) -> assertThat(context).hasFailed());
		assertThat(output).contains("legacy_flag").doesNotContain(secret);
	}

	// --- Live stays byte-identical

	@Test
	void dryRunLeavesLiveIdenticalAndNoShadowBehind() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.dry-run=true").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(MariadbTestDatabase.shadowsLeft(List.of(mariadb().ownerTag()))).isEmpty();
	}

	@Test
	void defaultSchemaSetReplaysIntoTheShadowNotLive() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("spring.flyway.default-schema=" + mariadb().name(), "autobaseline.dry-run=true")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.fingerprint()).isEqualTo(before);
		// Also from a URL that names no database.
		boot("spring.datasource.url=" + mariadb().urlOf(""), "spring.flyway.default-schema=" + mariadb().name(),
				"autobaseline.dry-run=true")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.fingerprint()).isEqualTo(before);
		boot("spring.flyway.default-schema=" + mariadb().name())
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
		assertThat(MariadbTestDatabase.shadowsLeft(List.of(mariadb().ownerTag()))).isEmpty();
	}

	// --- Replay timeout

	@Test
	void replayStatementRunningPastTheTimeoutIsReportedAsATimeoutAndNothingIsWritten() throws Exception {
		// The session's max_statement_time (twice the timeout) cuts the statement: error 1969, not a failed replay.
		java.nio.file.Files.writeString(this.migrations.resolve("V6__slow.sql"), "SELECT SLEEP(30);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.replay.timeout=1s").run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof dev.autobaseline.replay.ReplayTimeoutException)) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(dev.autobaseline.replay.ReplayTimeoutException.class)
				.hasMessageContaining(named("autobaseline.replay.timeout (1000 ms)"))
				.hasMessageContaining("nothing was written");
			assertThat(((dev.autobaseline.replay.ReplayTimeoutException) cause).isLockWait()).isFalse();
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(MariadbTestDatabase.shadowsLeft(List.of(mariadb().ownerTag()))).isEmpty();
	}

	// --- Shadows

	@Test
	void abandonedShadowIsDroppedHoweverYoungWhenItsLockIsFree() throws Exception {
		String owner = "abcdef";
		long now = System.currentTimeMillis() / 1000;
		String old = "autobaseline_shadow_" + (now - 3600) + "_" + owner + "_000001";
		String young = "autobaseline_shadow_" + now + "_" + owner + "_000002";
		String busy = "autobaseline_shadow_" + (now - 3600) + "_" + owner + "_000003";
		try (Connection admin = MariadbTestDatabase.server(); Statement statement = admin.createStatement()) {
			for (String name : List.of(old, young, busy)) {
				statement.execute("CREATE DATABASE " + name);
			}
		}
		try (Connection holder = MariadbTestDatabase.server(); Statement statement = holder.createStatement()) {
			// A running replay holds its shadow's named lock.
			statement.execute("SELECT GET_LOCK('autobaseline:" + busy + "', 0)");
			LibraryMigrations.legacyAt(this.database, 2);
			boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			// No age is needed: a creator holds the lock from before CREATE DATABASE until after the drop.
			assertThat(MariadbTestDatabase.shadowsPresent()).contains(busy).doesNotContain(old, young);
		}
		finally {
			try (Connection admin = MariadbTestDatabase.server(); Statement statement = admin.createStatement()) {
				for (String name : List.of(old, young, busy)) {
					statement.execute("DROP DATABASE IF EXISTS " + name);
				}
			}
		}
	}

	@Test
	void providedShadowIsUsedAndCleanedAndLiveStaysIdentical() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		try (MariadbTestDatabase shadow = new MariadbTestDatabase("provided")) {
			String before = this.database.fingerprint();
			boot("autobaseline.shadow.url=" + shadow.url(), "autobaseline.dry-run=true")
				.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			assertThat(this.database.fingerprint()).isEqualTo(before);
			assertThat(shadow.tables()).isEmpty();
			boot("autobaseline.shadow.url=" + shadow.url())
				.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			assertThat(shadow.tables()).isEmpty();
		}
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void providedShadowThatIsNotEmptyIsRefusedAndLeftAlone() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		try (MariadbTestDatabase shadow = new MariadbTestDatabase("provided")) {
			shadow.execute("CREATE TABLE precious (id INTEGER)", "INSERT INTO precious VALUES (1)");
			String shadowBefore = shadow.fingerprint();
			String before = this.database.fingerprint();
			boot("autobaseline.shadow.url=" + shadow.url()).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("is not empty");
			});
			assertThat(shadow.fingerprint()).isEqualTo(shadowBefore);
			assertThat(this.database.fingerprint()).isEqualTo(before);
		}
	}

	@Test
	void providedShadowThatIsTheLiveDatabaseIsRefused() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.shadow.url=" + this.database.url()).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("is not empty");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	// --- Java migrations

	@Test
	void aJavaMigrationCannotReachLiveWhenTheShadowHasItsOwnUser() throws Exception {
		// A user with only the shadow GRANT (the README's): the replay's Java migration that names live is denied.
		String user = "autobaseline_t_" + ProcessHandle.current().pid() + "_" + (System.nanoTime() % 100000);
		this.database.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'shadow-only'",
				"GRANT ALL ON `autobaseline\\_shadow\\_%`.* TO '" + user + "'@'%'");
		try {
			LibraryMigrations.legacyAt(this.database, 2);
			String before = this.database.fingerprint();
			dev.autobaseline.scenario.reachlive.V6__Write_to_live_by_name.target = mariadb().name();
			boot("spring.flyway.locations=filesystem:" + this.migrations + ",classpath:dev/autobaseline/scenario/reachlive",
					"autobaseline.shadow.username=" + user, "autobaseline.shadow.password=shadow-only")
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).hasStackTraceContaining("V6")
						.hasStackTraceContaining("denied");
				});
			assertThat(this.database.fingerprint()).isEqualTo(before);
			assertThat(this.database.tables()).doesNotContain("escape");
			assertThat(MariadbTestDatabase.shadowsLeft(List.of(mariadb().ownerTag()))).isEmpty();
		}
		finally {
			this.database.execute("DROP USER IF EXISTS '" + user + "'@'%'");
		}
	}

	// --- Writes

	@Test
	void recordHistoryIsRefusedOnAHistoryTableThatIsNotTransactional() throws Exception {
		createEmptyHistoryTable();
		this.database.execute("ALTER TABLE flyway_schema_history ENGINE=MyISAM");
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.record=history").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(named("autobaseline.record=history"))
				.hasStackTraceContaining("not transactional");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
		// A single BASELINE insert goes ahead, with a WARN.
		boot().run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("2");
			assertThat(report(context).warnings()).anyMatch((warning) -> warning.contains("not transactional"));
		});
	}

	@Test
	void mysqlConnectorTalkingToMariadbIsMariadb() throws Exception {
		// Connector/J calls the server "MySQL"; its version string says MariaDB, so no opt-in is needed.
		LibraryMigrations.legacyAt(this.database, 2);
		boot("spring.datasource.url=" + this.database.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"))
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

}
