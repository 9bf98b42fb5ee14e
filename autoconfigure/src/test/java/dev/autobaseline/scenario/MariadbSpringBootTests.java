package dev.autobaseline.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot scenarios on the real MariaDB server, each in a database of its own.
 */
class MariadbSpringBootTests extends SpringBootScenarios {

	/** The owner tags of this class's databases: only their shadows are this class's business. */
	static final List<String> OWNERS = Collections.synchronizedList(new ArrayList<>());

	@Override
	TestDatabase createDatabase(Path folder) throws Exception {
		MariadbTestDatabase database = new MariadbTestDatabase("spring");
		OWNERS.add(database.ownerTag());
		return database;
	}

	@Override
	String relation(String name) {
		return name;
	}

	@AfterAll
	static void noShadowDatabaseIsLeftBehind() throws Exception {
		assertThat(MariadbTestDatabase.shadowsLeft(OWNERS)).isEmpty();
	}

}
