package dev.autobaseline.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the log says while the migrations are replayed: Flyway's own INFO lines stay quiet, a long
 * replay gets a progress line naming the shadow at INFO, and DEBUG has one line per version.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplayProgressLoggingTests {

	private static final String REPLAY_LOGGER = "dev.autobaseline.replay.ShadowReplay";

	private static final String SHADOW = "in-memory SQLite shadow database";

	@TempDir
	Path temp;

	private SqliteStartup app;

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void createLegacyDatabase() throws Exception {
		this.app = new SqliteStartup(this.temp).migrations(
				"V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);",
				"V3__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);");
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
	}

	@AfterEach
	void restoreLevel() {
		this.loggingSystem.setLogLevel(REPLAY_LOGGER, null);
	}

	@Test
	void longReplayLogsProgressNamingTheShadow(CapturedOutput output) {
		// A real application: Spring Boot's LoggingSystem quietens Flyway during the replay.
		new SpringApplicationBuilder(UncalledStarterWarningTests.AutoConfigured.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + this.app.url(), "--spring.flyway.locations=" + locations())
			.close();
		assertThat(output).contains("INFO", "autobaseline: replaying into the " + SHADOW + ": 2/3 versions (")
			.contains("autobaseline: replayed 3/3 versions into the " + SHADOW + " in ")
			.contains("autobaseline: UNMANAGED schema \"main\" matched V2");
		// Flyway's lines during the replay would read like live migrations: only live's own appear.
		assertThat(output).doesNotContain("Migrating schema \"main\" to version \"1 - create author\"")
			.contains("Migrating schema \"main\" to version \"3 - create book\"");
	}

	@Test
	void debugShowsEveryReplayedVersion(CapturedOutput output) {
		this.loggingSystem.setLogLevel(REPLAY_LOGGER, LogLevel.DEBUG);
		boot().run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("DEBUG")
			.contains("autobaseline: replayed V1 create author into the " + SHADOW + ": schema changed")
			.contains("autobaseline: replayed V2 Wait for a progress line into the " + SHADOW
					+ ": data only, schema unchanged")
			.contains("autobaseline: replayed V3 create book into the " + SHADOW + ": schema changed");
	}

	private org.springframework.boot.test.context.runner.ApplicationContextRunner boot() {
		return this.app.boot("spring.flyway.locations=" + locations());
	}

	private String locations() {
		return "filesystem:" + this.app.migrationsFolder() + ",classpath:dev/autobaseline/autoconfigure/slowreplay";
	}

}
