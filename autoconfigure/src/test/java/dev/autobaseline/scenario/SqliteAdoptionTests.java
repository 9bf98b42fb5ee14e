package dev.autobaseline.scenario;

import java.nio.file.Path;

/**
 * The adoption scenarios on SQLite files.
 */
class SqliteAdoptionTests extends AdoptionScenarios {

	@Override
	TestDatabase createDatabase(Path folder) {
		return new SqliteTestDatabase(folder);
	}

	@Override
	String relation(String name) {
		return name;
	}

}
