package dev.autobaseline.scenario;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot scenarios on the real PostgreSQL server, each in a database of its own.
 */
class PostgresqlSpringBootTests extends SpringBootScenarios {

	@Override
	TestDatabase createDatabase(Path folder) throws Exception {
		return new PostgresqlTestDatabase("spring");
	}

	@Override
	String relation(String name) {
		return "public." + name;
	}

	@Override
	List<String> poolOfOneProperties() {
		return List.of("spring.flyway.postgresql.transactional-lock=false");
	}

	@AfterAll
	static void noShadowDatabaseIsLeftBehind() throws Exception {
		assertThat(PostgresqlTestDatabase.shadowsLeft()).isEmpty();
	}

	@Test
	void inspectionLeavesNoSessionSettingOnThePooledConnection() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot("spring.datasource.hikari.maximum-pool-size=1", "spring.flyway.postgresql.transactional-lock=false")
			.run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("2");
			try (Connection connection = context.getBean(javax.sql.DataSource.class).getConnection();
					Statement statement = connection.createStatement();
					java.sql.ResultSet rows = statement.executeQuery("SHOW lock_timeout")) {
				rows.next();
				assertThat(rows.getString(1)).isEqualTo("0");
				assertThat(connection.getAutoCommit()).isTrue();
			}
		});
	}

}
