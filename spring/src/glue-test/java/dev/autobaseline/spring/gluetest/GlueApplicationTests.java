package dev.autobaseline.spring.gluetest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.autobaseline.spring.gluetest.LegacyDatabase.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application of the line boots through the real startup path (auto-configuration from the
 * glue's imports, failure analyzers and the line check from {@code spring.factories}) against a
 * database of each engine: a legacy database is adopted at the version its schema is at, the
 * later migration applied, every row still there, one INFO line; a database at no version is
 * refused with a failure analysis and loses nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class GlueApplicationTests {

	@TempDir
	protected Path temp;

	/** The line under test. */
	protected abstract Glue glue();

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aLegacyDatabaseIsAdoptedAtItsVersionAndKeepsItsRows(Engine engine, CapturedOutput output) throws Exception {
		try (LegacyDatabase database = LegacyDatabase.create(engine, this.temp)) {
			try (ConfigurableApplicationContext context = start(database.properties())) {
				assertThat(database.history()).containsExactly("2|BASELINE|true", "3|SQL|true");
				assertThat(database.rows("SELECT id, body FROM note ORDER BY id")).containsExactly("1|first",
						"2|second");
				assertThat(database.rows("SELECT name FROM tag WHERE note_id = 2")).containsExactly("kept");
			}
			assertThat(output).contains("autobaseline: UNMANAGED").contains("matched V2").contains("baselined at 2");
		}
	}

	@Test
	void aDatabaseAtNoVersionIsRefusedWithAFailureAnalysisAndLosesNothing(CapturedOutput output) throws Exception {
		try (LegacyDatabase database = LegacyDatabase.create(Engine.SQLITE, this.temp)) {
			database.execute("ALTER TABLE tag ADD COLUMN colour VARCHAR(10)", "UPDATE tag SET colour = 'red'");
			assertThatException().isThrownBy(() -> start(database.properties()).close());
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Description:")
				.contains("Action:")
				.contains("colour");
			assertThat(database.rows("SELECT name, colour FROM tag")).containsExactly("kept|red");
			assertThat(database.rows("SELECT id, body FROM note ORDER BY id")).containsExactly("1|first", "2|second");
			assertThat(database.rows(
					"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'"))
				.containsExactly("0");
		}
	}

	@Test
	void anApplicationsOwnStrategyThatSkipsTheStarterIsWarnedAbout(CapturedOutput output) throws Exception {
		Path migrations = Files.createDirectories(this.temp.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_note.sql"), "CREATE TABLE note (id INTEGER PRIMARY KEY);\n");
		try (ConfigurableApplicationContext context = start(
				List.of("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("empty.db"),
						"spring.flyway.locations=filesystem:" + migrations),
				glue().recordingStrategyConfiguration())) {
			assertThat(context.getBean(RecordedMigrations.class).migrated()).hasSize(1);
		}
		assertThat(output).contains("the application's own FlywayMigrationStrategy (userStrategy) replaces the"
				+ " starter's and did not call it");
	}

	private ConfigurableApplicationContext start(List<String> properties, Class<?>... more) {
		Class<?>[] sources = new Class<?>[more.length + 1];
		sources[0] = Application.class;
		System.arraycopy(more, 0, sources, 1, more.length);
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
