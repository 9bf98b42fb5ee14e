package dev.autobaseline.autoconfigure;

import java.nio.file.Path;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code spring.flyway.baseline-on-migrate} and {@code spring.flyway.baseline-version} meet
 * the starter: detect mode ignores the guess and says so once; fixed mode uses the version.
 */
@ExtendWith(OutputCaptureExtension.class)
class BaselineOnMigrateTests {

	private static final String IGNORED = "autobaseline: spring.flyway.baseline-on-migrate and"
			+ " spring.flyway.baseline-version are ignored: autobaseline.mode=detect finds the version from the schema";

	@TempDir
	Path temp;

	private SqliteStartup app;

	@BeforeEach
	void createLegacyDatabaseAtV1() throws Exception {
		this.app = new SqliteStartup(this.temp).migrations(
				"V1__create_author.sql", "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);",
				"V2__create_book.sql", "CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);",
				"V3__add_book_isbn.sql", "ALTER TABLE book ADD COLUMN isbn TEXT;");
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
	}

	@Test
	void detectModeIgnoresFlywaysGuessAndSaysSoOnce(CapturedOutput output) {
		this.app.boot("spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=2").run((context) -> {
			AdoptionReport report = context.getBean(Autobaseline.class).lastReport();
			assertThat(report.baselineVersion()).isEqualTo("1");
			assertThat(report.migrationsApplied()).isEqualTo(2);
		});
		assertThat(output.getOut().split(java.util.regex.Pattern.quote(IGNORED), -1)).hasSize(2);
		// Adopted and managed: the next boot takes the fast path and says nothing more.
		this.app.boot("spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=2").run((context) -> {
			assertThat(context).hasNotFailed();
		});
		assertThat(output.getOut().split(java.util.regex.Pattern.quote(IGNORED), -1)).hasSize(2);
	}

	@Test
	void fixedModeBaselinesAtFlywaysBaselineVersion(CapturedOutput output) throws Exception {
		this.app.execute("CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT)");
		this.app.boot("autobaseline.mode=fixed", "spring.flyway.baseline-on-migrate=true",
				"spring.flyway.baseline-version=2")
			.run((context) -> {
				AdoptionReport report = context.getBean(Autobaseline.class).lastReport();
				assertThat(report.evidence()).isEqualTo("fixed version 2");
				assertThat(report.baselineVersion()).isEqualTo("2");
			});
		assertThat(output).doesNotContain(IGNORED);
	}

}
