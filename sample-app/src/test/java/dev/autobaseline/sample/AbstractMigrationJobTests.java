package dev.autobaseline.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The sample app as a one-shot migration job ({@code web-application-type=none},
 * a datasource URL and a folder of someone else's migrations), written once and
 * run against every engine: a subclass says how to reach its database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractMigrationJobTests {

	@TempDir
	Path workDir;

	private Path migrations;

	/** The JDBC URL the job migrates. */
	abstract String url();

	/** Extra {@code --spring.datasource.*} arguments, such as the user name. */
	List<String> credentialArguments() {
		return List.of();
	}

	/** A connection of the test's own to the database the job migrates. */
	abstract Connection connect() throws SQLException;

	/** Everything a refused adoption must leave exactly as it was. */
	abstract String fingerprint() throws Exception;

	@BeforeEach
	void writeMigrations() throws Exception {
		this.migrations = LibraryMigrations.writeTo(this.workDir.resolve("migrations"));
	}

	@Test
	void emptyDatabaseGetsEveryMigration() {
		runJob().close();
		assertThat(history()).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL");
	}

	@ParameterizedTest(name = "legacy schema at version {0}")
	@ValueSource(ints = { 1, 2, 3, 4 })
	void legacyDatabaseIsBaselinedAtTheVersionItsSchemaIsAtAndMigratedToTheLatest(int version,
			CapturedOutput output) throws SQLException {
		try (Connection connection = connect()) {
			LibraryMigrations.buildLegacyDatabase(connection, version);
		}
		runJob().close();
		List<String> expected = new ArrayList<>(List.of(version + " BASELINE"));
		IntStream.rangeClosed(version + 1, LibraryMigrations.LATEST).forEach((later) -> expected.add(later + " SQL"));
		assertThat(history()).containsExactlyElementsOf(expected);
		assertThat(strings("SELECT name FROM author ORDER BY id")).containsExactlyElementsOf(LibraryMigrations.AUTHORS);
		assertThat(strings("SELECT title FROM book ORDER BY id"))
			.containsExactlyElementsOf((version >= 2) ? LibraryMigrations.TITLES : List.of());
		assertThat(strings("SELECT isbn FROM book WHERE isbn IS NOT NULL"))
			.containsExactlyElementsOf((version >= 3) ? List.of("978-0-553-38304-0") : List.of());
		assertThat(strings("SELECT borrower FROM loan")).containsExactlyElementsOf((version >= 4) ? List.of("Sam") : List.of());
		assertThat(output).contains("autobaseline:");
	}

	@Test
	void nextRunOfTheJobAppliesOnlyNewMigrations() throws Exception {
		try (Connection connection = connect()) {
			LibraryMigrations.buildLegacyDatabase(connection, 2);
		}
		runJob().close();
		Files.writeString(this.migrations.resolve("V5__add_returned_on_to_loan.sql"),
				"ALTER TABLE loan ADD COLUMN returned_on DATE;\n");
		runJob().close();
		assertThat(history()).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL");
		assertThat(strings("SELECT name FROM author ORDER BY id")).containsExactlyElementsOf(LibraryMigrations.AUTHORS);
	}

	@Test
	void extraColumnOnAMigratedTableIsRefusedAndTheDatabaseLeftUntouched(CapturedOutput output) throws Exception {
		try (Connection connection = connect()) {
			LibraryMigrations.buildDatabaseWithExtraColumn(connection);
		}
		String before = fingerprint();
		Throwable failure = catchThrowable(() -> runJob().close());
		assertThat(failure).as("startup failure").isNotNull();
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(hasHistoryTable()).isFalse();
		assertThat(messages(failure) + output).as("refusal names the extra column").contains("nickname");
	}

	@Test
	void tableShapeOfNoVersionIsRefusedAndTheDatabaseLeftUntouched(CapturedOutput output) throws Exception {
		try (Connection connection = connect()) {
			LibraryMigrations.buildDatabaseMatchingNoVersion(connection);
		}
		String before = fingerprint();
		Throwable failure = catchThrowable(() -> runJob().close());
		assertThat(failure).as("startup failure").isNotNull();
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(hasHistoryTable()).isFalse();
		assertThat(messages(failure) + output).as("refusal names the drifted table").contains("book");
	}

	private ConfigurableApplicationContext runJob() {
		List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.datasource.url=" + url(), "--spring.flyway.locations=filesystem:" + this.migrations));
		arguments.addAll(credentialArguments());
		return new SpringApplicationBuilder(SampleApplication.class).run(arguments.toArray(String[]::new));
	}

	/** Flyway's history as "version TYPE", every row successful. */
	List<String> history() {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
			List<String> history = new ArrayList<>();
			while (rows.next()) {
				assertThat(rows.getBoolean("success")).as("success of version %s", rows.getString("version")).isTrue();
				history.add(rows.getString("version") + " " + rows.getString("type"));
			}
			return history;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<String> strings(String query) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private boolean hasHistoryTable() throws SQLException {
		// The connection's catalog: on MariaDB a null catalog means every database of the server.
		try (Connection connection = connect();
				ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), null, "flyway_schema_history", null)) {
			return tables.next();
		}
	}

	private static String messages(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
			.map(Throwable::getMessage)
			.filter(Objects::nonNull)
			.collect(Collectors.joining("\n"));
	}

}
