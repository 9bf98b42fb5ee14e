package dev.autobaseline.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.SchemaState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} slice adopts a legacy database the way the application does: the starter is
 * registered with Spring Boot's Flyway auto-configuration for the slices that initialize the
 * database ({@code @JdbcTest}, {@code @DataJpaTest}, ...). Here on a real SQLite file that
 * replaces nothing ({@code replace = NONE}).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class JdbcTestSliceTests {

	private static Path folder;

	@Autowired
	private Autobaseline autobaseline;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void legacyDatabase(DynamicPropertyRegistry registry) throws Exception {
		folder = Files.createTempDirectory("autobaseline-slice");
		SqliteStartup app = new SqliteStartup(folder).migrations(
				"V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);",
				"V2__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);");
		app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)",
				"INSERT INTO author VALUES (1, 'Ursula')");
		registry.add("spring.datasource.url", app::url);
		registry.add("spring.flyway.locations", () -> "filesystem:" + app.migrationsFolder());
	}

	@AfterAll
	static void deleteFolder() throws Exception {
		FileSystemUtils.deleteRecursively(folder);
	}

	@Test
	void sliceAdoptsTheLegacyDatabaseBeforeTheTestRuns() {
		AdoptionReport report = this.autobaseline.lastReport();
		assertThat(report).isNotNull();
		assertThat(report.state()).isEqualTo(SchemaState.UNMANAGED);
		assertThat(report.baselineVersion()).isEqualTo("1");
		assertThat(this.jdbc.queryForList("SELECT version || ' ' || type FROM flyway_schema_history"
				+ " ORDER BY installed_rank", String.class)).containsExactly("1 BASELINE", "2 SQL");
		assertThat(this.jdbc.queryForList("SELECT name FROM author", String.class)).containsExactly("Ursula");
	}

	@SpringBootConfiguration
	static class SliceApplication {

	}

}
