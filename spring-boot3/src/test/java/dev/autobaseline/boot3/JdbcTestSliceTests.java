package dev.autobaseline.boot3;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.SchemaState;
import dev.autobaseline.spring.gluetest.LegacyDatabase;
import dev.autobaseline.spring.gluetest.LegacyDatabase.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3 {@code @JdbcTest} slice adopts a legacy database the way the application does:
 * the glue is listed beside Spring Boot 3's Flyway auto-configuration for the slices that
 * initialize the database. Here on a real SQLite file that replaces nothing
 * ({@code replace = NONE}).
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
		LegacyDatabase database = LegacyDatabase.create(Engine.SQLITE, folder);
		database.properties().forEach((property) -> {
			String[] nameAndValue = property.split("=", 2);
			registry.add(nameAndValue[0], () -> nameAndValue[1]);
		});
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
		assertThat(report.baselineVersion()).isEqualTo("2");
		assertThat(this.jdbc.queryForList("SELECT version || ' ' || type FROM flyway_schema_history"
				+ " ORDER BY installed_rank", String.class)).containsExactly("2 BASELINE", "3 SQL");
		assertThat(this.jdbc.queryForList("SELECT body FROM note ORDER BY id", String.class))
			.containsExactly("first", "second");
	}

	@SpringBootConfiguration
	static class SliceApplication {

	}

}
