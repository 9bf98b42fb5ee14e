package dev.autobaseline.scenario;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.AfterAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoption scenarios on the real PostgreSQL server, each in a database of its own.
 */
class PostgresqlAdoptionTests extends AdoptionScenarios {

	@Override
	TestDatabase createDatabase(Path folder) throws Exception {
		return new PostgresqlTestDatabase("adoption");
	}

	@Override
	String relation(String name) {
		return "public." + name;
	}

	@AfterAll
	static void noShadowDatabaseIsLeftBehind() throws Exception {
		assertThat(PostgresqlTestDatabase.shadowsLeft()).isEmpty();
	}

	@Test
	void extensionTheDatabaseAlreadyHasIsAvailableToTheReplay() throws Exception {
		Path folder = LibraryMigrations.write(this.temp.resolve("citext"),
				List.of("V1__create_person.sql", "CREATE TABLE person (id INTEGER PRIMARY KEY, email citext);",
						"V2__add_person_name.sql", "ALTER TABLE person ADD COLUMN name TEXT;"));
		this.database.execute("CREATE EXTENSION citext", "CREATE TABLE person (id INTEGER PRIMARY KEY, email citext)",
				"INSERT INTO person VALUES (1, 'Ada@Example.org')");
		boot("spring.flyway.locations=filesystem:" + folder)
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("1"));
		assertThat(this.database.history()).containsExactly("1:BASELINE:ok", "2:SQL:ok");
		assertThat(this.database.rows("SELECT email FROM person")).containsExactly("Ada@Example.org");
	}

	@Test
	void extensionAMigrationCreatesIsNotPreCreatedTwice() throws Exception {
		Path folder = LibraryMigrations.write(this.temp.resolve("citext"),
				List.of("V1__citext.sql", "CREATE EXTENSION citext;",
						"V2__create_person.sql", "CREATE TABLE person (id INTEGER PRIMARY KEY, email citext);",
						"V3__add_person_name.sql", "ALTER TABLE person ADD COLUMN name TEXT;"));
		this.database.execute("CREATE EXTENSION citext", "CREATE TABLE person (id INTEGER PRIMARY KEY, email citext)");
		boot("spring.flyway.locations=filesystem:" + folder)
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok");
	}

	@Test
	void databaseSettingsAreCopiedToTheShadow() throws Exception {
		// Unqualified names resolve through live's search_path; the replay must resolve them the same way.
		this.database.execute("CREATE SCHEMA app", "ALTER DATABASE " + databaseName() + " SET search_path = app, public");
		LibraryMigrations.legacyAt(this.database, 2);
		boot().run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.rows("SELECT table_schema || '.' || table_name FROM information_schema.tables"
				+ " WHERE table_name = 'member'")).containsExactly("app.member");
	}

	private String databaseName() throws Exception {
		return this.database.rows("SELECT current_database()").get(0);
	}

	@Test
	void scriptThatCreatesARoleIsRefusedBeforeTheReplayReachesTheCluster() throws Exception {
		String role = "autobaseline_escape_" + ProcessHandle.current().pid();
		java.nio.file.Files.writeString(this.migrations.resolve("V6__reporting_role.sql"), "CREATE ROLE " + role + ";\n");
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(dev.autobaseline.replay.ClusterStatementsException.class)
				.hasMessageContaining("V6__reporting_role.sql (create role)")
				.hasMessageContaining("autobaseline.replay.allow-cluster-statements=true");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(this.database.rows("SELECT rolname FROM pg_roles WHERE rolname = '" + role + "'")).isEmpty();
	}

	@Test
	void clusterStatementsGuardedForReplayRunWhenAllowed() throws Exception {
		String role = "autobaseline_allowed_" + ProcessHandle.current().pid();
		java.nio.file.Files.writeString(this.migrations.resolve("V6__reporting_role.sql"),
				"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
						+ role + "; END IF; END $$;\n");
		LibraryMigrations.legacyAt(this.database, 2);
		try {
			boot("autobaseline.replay.allow-cluster-statements=true")
				.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
			assertThat(this.database.history()).endsWith("6:SQL:ok");
		}
		finally {
			this.database.execute("DROP ROLE IF EXISTS " + role);
		}
	}

}
