package dev.autobaseline.scenario;

import java.nio.file.Path;

/**
 * The Spring Boot scenarios on SQLite files.
 */
class SqliteSpringBootTests extends SpringBootScenarios {

	@Override
	TestDatabase createDatabase(Path folder) {
		return new SqliteTestDatabase(folder);
	}

	@Override
	String relation(String name) {
		return name;
	}

}
