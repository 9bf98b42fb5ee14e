package dev.autobaseline.scenario;

import java.nio.file.Path;

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

}
