package dev.autobaseline.autoconfigure;

import java.nio.file.Path;

import dev.autobaseline.spring.HibernateDdlAutoWarning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HibernateDdlAutoWarning}: an adoption of a legacy SQLite file next to
 * Hibernate's schema generation settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class HibernateDdlAutoWarningTests {

	private static final String WARNING = "autobaseline: spring.jpa.hibernate.ddl-auto=update next to an adoption:"
			+ " Hibernate changes the schema right after Flyway, outside its history, so the migrations stop describing"
			+ " the database. Set spring.jpa.hibernate.ddl-auto=validate (or none) and change the schema through"
			+ " migrations.";

	@TempDir
	Path temp;

	private SqliteStartup app;

	@BeforeEach
	void writeMigrations() throws Exception {
		this.app = new SqliteStartup(this.temp).migrations("V1__create_author.sql",
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);", "V2__create_book.sql",
				"CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);");
	}

	@Test
	void ddlAutoUpdateNextToAnAdoptionIsWarnedAbout(CapturedOutput output) throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		this.app.boot("spring.jpa.hibernate.ddl-auto=update").run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN").contains(WARNING);
	}

	@Test
	void hbm2ddlCreateDropNextToAnAdoptionIsWarnedAbout(CapturedOutput output) throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		this.app.boot("spring.jpa.properties.hibernate.hbm2ddl.auto=create-drop")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("autobaseline: spring.jpa.properties.hibernate.hbm2ddl.auto=create-drop next to an"
				+ " adoption");
	}

	@Test
	void ddlAutoValidateIsNotWarnedAbout(CapturedOutput output) throws Exception {
		this.app.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		this.app.boot("spring.jpa.hibernate.ddl-auto=validate").run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("autobaseline: UNMANAGED").doesNotContain("next to an adoption");
	}

	@Test
	void ddlAutoUpdateWithoutAnAdoptionIsNotWarnedAbout(CapturedOutput output) {
		this.app.boot("spring.jpa.hibernate.ddl-auto=update").run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("autobaseline: EMPTY").doesNotContain("next to an adoption");
	}

}
