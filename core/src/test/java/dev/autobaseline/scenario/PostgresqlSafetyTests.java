package dev.autobaseline.scenario;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import java.time.Duration;
import java.util.Set;

import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.dialect.ShadowUnavailableException;
import dev.autobaseline.dialect.postgresql.PostgresqlDialect;
import org.flywaydb.core.Flyway;
import dev.autobaseline.replay.ReplayTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety promises on the real PostgreSQL server: locks, shadows, roles and timeouts.
 */
class PostgresqlSafetyTests extends SafetyScenarios {

	@Override
	TestDatabase createDatabase(Path folder) throws Exception {
		return new PostgresqlTestDatabase("safety");
	}

	@Override
	String relation(String name) {
		return "public." + name;
	}

	@Override
	int concurrentInstances() {
		return Integer.getInteger("autobaseline.test.instances", 8);
	}

	@Override
	List<String> poolOfOneProperties() {
		return List.of("spring.flyway.postgresql.transactional-lock=false");
	}

	@Override
	String otherEngineUrl() {
		return "jdbc:sqlite::memory:";
	}

	private PostgresqlTestDatabase postgres() {
		return (PostgresqlTestDatabase) this.database;
	}

	@AfterAll
	static void noShadowDatabaseIsLeftBehind() throws Exception {
		assertThat(PostgresqlTestDatabase.shadowsLeft()).isEmpty();
	}

	// --- Shadows

	@Test
	void shadowOfAKilledProcessIsDroppedByTheNextAdoptionHoweverYoung() throws Exception {
		Shadow shadow = openShadow(ShadowSettings.NONE);
		String name = nameOf(shadow);
		try {
			assertThat(postgres().shadows()).containsExactly(name);
			// The creator dies: its sessions end, as when its process is killed.
			PostgresqlTestDatabase.killSessions(name);
			PostgresqlTestDatabase.killSessions(postgres().name());
			LibraryMigrations.legacyAt(this.database, 2);
			boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			assertThat(PostgresqlTestDatabase.exists(name)).isFalse();
			assertThat(postgres().shadows()).isEmpty();
		}
		finally {
			dropQuietly(name);
		}
	}

	@Test
	void shadowWhoseCreatorIsAliveIsNotDropped() throws Exception {
		try (Shadow shadow = openShadow(ShadowSettings.NONE)) {
			String name = nameOf(shadow);
			LibraryMigrations.legacyAt(this.database, 2);
			boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			assertThat(PostgresqlTestDatabase.exists(name)).isTrue();
		}
		assertThat(postgres().shadows()).isEmpty();
	}

	@Test
	void shadowWhoseCreatorHoldsItsLockIsNotDroppedHoweverOldAndBeforeAnySessionIsInIt() throws Exception {
		// A creator between CREATE DATABASE and its first connection to the shadow, an hour later.
		int key = 0x9abc0123;
		String name;
		try (Connection creator = postgres().connectTo(postgres().name()); Statement statement = creator.createStatement()) {
			try (var rows = statement.executeQuery("SELECT left(md5(current_database()), 8)")) {
				rows.next();
				name = "autobaseline_shadow_" + (System.currentTimeMillis() / 1000 - 3600) + "_" + rows.getString(1)
						+ String.format("%08x", key);
			}
			statement.execute("SELECT pg_advisory_lock(" + PostgresqlTestDatabase.SHADOW_OWNER_LOCK + "::int, " + key + ")");
			try {
				statement.execute("CREATE DATABASE " + name);
				LibraryMigrations.legacyAt(this.database, 2);
				boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
				assertThat(PostgresqlTestDatabase.exists(name)).isTrue();
			}
			finally {
				statement.execute("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	private Shadow openShadow(ShadowSettings settings) throws Exception {
		LiveDatabase live = new LiveDatabase(new DriverManagerDataSource(this.database.url(), this.database.username(),
				this.database.password()), this.database.url(), this.database.username(), this.database.password());
		return new PostgresqlDialect().openShadow(live, settings, Set.of(), Duration.ofSeconds(30));
	}

	private static String nameOf(Shadow shadow) {
		String description = shadow.description();
		return description.substring(description.indexOf('"') + 1, description.lastIndexOf('"'));
	}

	private static void dropQuietly(String database) throws Exception {
		try (Connection admin = PostgresqlTestDatabase.server(); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@Test
	void replayWaitingOnALockTimesOutNamingTransactionalLock() throws Exception {
		java.nio.file.Files.writeString(this.migrations.resolve("V6__index_concurrently.sql"),
				"CREATE INDEX CONCURRENTLY book_title ON book (title);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.replay.timeout=2s").run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof ReplayTimeoutException)) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(ReplayTimeoutException.class)
				.hasMessageContaining(named("spring.flyway.postgresql.transactional-lock=false"))
				.hasMessageContaining("nothing was written");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(PostgresqlTestDatabase.shadowsLeft()).isEmpty();
		// With Flyway's session lock the same replay goes through.
		boot("spring.flyway.postgresql.transactional-lock=false")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
	}

	// --- Roles and provided shadows

	@Test
	void roleWithCreateDbButNotSuperuserAdopts() throws Exception {
		String role = postgres().createRole("CREATEDB");
		LibraryMigrations.legacyAt(this.database, 2);
		postgres().handOver(role);
		boot("spring.datasource.username=" + role).run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void roleWithoutCreateDbIsToldToSetShadowUrlAndNothingIsWritten() throws Exception {
		String role = postgres().createRole("NOCREATEDB");
		LibraryMigrations.legacyAt(this.database, 2);
		postgres().handOver(role);
		String before = this.database.fingerprint();
		boot("spring.datasource.username=" + role).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof ShadowUnavailableException)) {
				cause = cause.getCause();
			}
			assertThat(cause).hasMessageContaining("CREATEDB").hasMessageContaining(named("autobaseline.shadow.url"));
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void roleWithoutCreateDbAdoptsWithAProvidedShadowWhichIsCleanedAfter() throws Exception {
		String role = postgres().createRole("NOCREATEDB");
		LibraryMigrations.legacyAt(this.database, 2);
		postgres().handOver(role);
		try (PostgresqlTestDatabase shadow = new PostgresqlTestDatabase("provided")) {
			shadow.handOver(role);
			boot("spring.datasource.username=" + role, "autobaseline.shadow.url=" + shadow.url())
				.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			assertThat(shadow.tables()).isEmpty();
		}
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void providedShadowThatIsNotEmptyIsRefusedAndLeftAlone() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		try (PostgresqlTestDatabase shadow = new PostgresqlTestDatabase("provided")) {
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
	void providedShadowThatIsTheLiveDatabaseIsRefusedWhateverItHolds() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		// Even with the marker of an interrupted replay in it, and under another spelling of its URL.
		this.database.execute("CREATE SCHEMA autobaseline_shadow",
				"CREATE TABLE autobaseline_shadow.replay_started (started_at timestamptz NOT NULL DEFAULT now(),"
						+ " started_by text NOT NULL DEFAULT current_user)",
				"INSERT INTO autobaseline_shadow.replay_started DEFAULT VALUES");
		String before = this.database.fingerprint();
		String sameDatabase = this.database.url() + (this.database.url().contains("?") ? "&" : "?")
				+ "ApplicationName=another-spelling";
		boot("autobaseline.shadow.url=" + sameDatabase).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("is the live database");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(this.database.rows("SELECT count(*) FROM book")).doesNotContain("0");
	}

	@Test
	void providedShadowLeftByAnInterruptedReplayIsCleanedAndUsed() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		try (PostgresqlTestDatabase provided = new PostgresqlTestDatabase("provided")) {
			ShadowSettings settings = new ShadowSettings(provided.url(), null, null);
			Shadow shadow = openShadow(settings);
			// The replay gets to V3, then its process is killed.
			Flyway.configure()
				.dataSource(shadow.dataSource())
				.locations("filesystem:" + this.migrations)
				.target("3")
				.load()
				.migrate();
			PostgresqlTestDatabase.killSessions(provided.name());
			assertThat(provided.tables()).contains("book", "flyway_schema_history");
			boot("autobaseline.shadow.url=" + provided.url())
				.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			assertThat(provided.tables()).isEmpty();
			assertThat(provided.rows("SELECT count(*) FROM pg_namespace WHERE nspname = 'autobaseline_shadow'"))
				.containsExactly("0");
		}
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	@Test
	void providedShadowWithTheMarkerButAnotherRolesObjectIsRefusedAndLeftAlone() throws Exception {
		String role = postgres().createRole("NOCREATEDB");
		LibraryMigrations.legacyAt(this.database, 2);
		try (PostgresqlTestDatabase provided = new PostgresqlTestDatabase("provided")) {
			Shadow shadow = openShadow(new ShadowSettings(provided.url(), null, null));
			PostgresqlTestDatabase.killSessions(provided.name());
			provided.execute("CREATE TABLE precious (id INTEGER)", "INSERT INTO precious VALUES (1)",
					"ALTER TABLE precious OWNER TO " + role);
			String shadowBefore = provided.fingerprint();
			String before = this.database.fingerprint();
			boot("autobaseline.shadow.url=" + provided.url()).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("objects of another role")
					.hasStackTraceContaining("public.precious");
			});
			assertThat(provided.fingerprint()).isEqualTo(shadowBefore);
			assertThat(this.database.fingerprint()).isEqualTo(before);
			provided.execute("DROP TABLE precious");
		}
	}

	@Test
	void providedShadowThatDoesNotConnectIsRefused() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.shadow.url=jdbc:postgresql://127.0.0.1:5432/no_such_database_here").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(named("cannot connect to autobaseline.shadow.url"));
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void missingDatabaseFailsNamingTheUrl() {
		boot("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/autobaseline_no_such_database").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("autobaseline_no_such_database");
		});
	}

	@Test
	void quotedHistoryTableNameIsHandled() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot("spring.flyway.table=Flyway History").run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.rows("SELECT version FROM \"Flyway History\" ORDER BY installed_rank"))
			.containsExactly("2", "3", "4", "5");
	}

	@Test
	void inspectionLeavesNoSessionSettingOnThePooledConnection() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot("spring.datasource.hikari.maximum-pool-size=1", "spring.flyway.postgresql.transactional-lock=false")
			.run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("2");
			// The application's pool of one, whose one connection the inspection used.
			try (Connection connection = context.flyway().getConfiguration().getDataSource().getConnection();
					Statement statement = connection.createStatement();
					java.sql.ResultSet rows = statement.executeQuery("SHOW lock_timeout")) {
				rows.next();
				assertThat(rows.getString(1)).isEqualTo("0");
				assertThat(connection.getAutoCommit()).isTrue();
			}
		});
	}

	@Test
	void reportSaysHowToBackUpWithPgDump() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot().run((context) -> assertThat(report(context).backup()).startsWith("pg_dump --format=custom"));
	}

}
