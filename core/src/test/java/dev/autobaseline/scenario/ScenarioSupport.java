package dev.autobaseline.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.engine.AdoptionRefusedException;
import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Naming;
import dev.autobaseline.engine.SchemaState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every scenario suite needs: a fresh live database per test, the library's migrations in
 * a temporary folder, and a boot of an application without Spring against them: its own Flyway
 * and the engine's plain API ({@link PlainBoot}).
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ScenarioSupport {

	@TempDir
	Path temp;

	TestDatabase database;

	Path migrations;

	abstract TestDatabase createDatabase(Path folder) throws Exception;

	@BeforeEach
	void createDatabaseAndMigrations() throws Exception {
		this.database = createDatabase(this.temp);
		this.migrations = LibraryMigrations.write(this.temp.resolve("migrations"));
	}

	@AfterEach
	void dropDatabase() throws Exception {
		this.database.close();
	}

	PlainBoot boot(String... properties) {
		List<String> values = new ArrayList<>(List.of("spring.datasource.url=" + this.database.url(),
				"spring.flyway.locations=filesystem:" + this.migrations));
		if (this.database.username() != null) {
			values.add("spring.datasource.username=" + this.database.username());
		}
		if (this.database.password() != null) {
			values.add("spring.datasource.password=" + this.database.password());
		}
		values.addAll(List.of(properties));
		return new PlainBoot().withPropertyValues(values.toArray(String[]::new));
	}

	/** How the engine names a relation of the default schema in messages. */
	abstract String relation(String name);

	static AdoptionReport report(PlainBoot.Run context) {
		assertThat(context).hasNotFailed();
		return context.report();
	}

	/**
	 * A text of the engine's, written as the Spring Boot glue shows it ({@code autobaseline.x-y=v},
	 * {@code spring.flyway.x-y}), with the names a plain application sets instead
	 * ({@code Autobaseline.builder().xY(v)}, {@code Flyway.configure().xY(...)}), as the engine
	 * writes it for the builder.
	 */
	static String named(String springBootText) {
		return Naming.PLAIN.rename(springBootText);
	}

	/**
	 * How an error about a property's value names the property: as it is, or for a plain
	 * application as the builder method, whose parentheses hold the value
	 * ({@code Autobaseline.builder().lockTimeout(PT-1S)}).
	 */
	static String setting(String property) {
		String named = named(property);
		return named.endsWith("(...)") ? named.substring(0, named.length() - "...)".length()) : named;
	}

	/** Builds the legacy database at the version (unless negative), boots, asserts the history and rows. */
	void assertAdoptedAt(int legacyVersion, String... history) throws Exception {
		if (legacyVersion >= 0) {
			LibraryMigrations.legacyAt(this.database, legacyVersion);
		}
		List<String> before = LibraryMigrations.libraryRows(this.database);
		assertDryRunWritesNothing();
		boot().run((context) -> assertThat(report(context).state()).isIn(SchemaState.UNMANAGED));
		assertThat(this.database.history()).containsExactly(history);
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
	}

	AdoptionRefusedException assertRefusedUntouched(AdoptionRefusedException.Reason reason, String description,
			String... properties) throws Exception {
		String before = this.database.fingerprint();
		AdoptionRefusedException[] refusal = new AdoptionRefusedException[1];
		List<String> dryRun = new ArrayList<>(List.of(properties));
		dryRun.add("autobaseline.dry-run=true");
		boot(dryRun.toArray(String[]::new)).run((context) -> assertThat(context).hasFailed());
		assertThat(this.database.fingerprint()).as("a refused dry run writes nothing").isEqualTo(before);
		boot(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof AdoptionRefusedException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("an AdoptionRefusedException in %s", context.getStartupFailure())
				.isInstanceOf(AdoptionRefusedException.class);
			refusal[0] = (AdoptionRefusedException) cause;
		});
		assertThat(refusal[0].getReason()).isEqualTo(reason);
		assertThat(refusal[0].getDescription()).contains(named(description));
		assertThat(this.database.fingerprint()).isEqualTo(before);
		return refusal[0];
	}

	/** Every adoption scenario runs as a dry run first: it plans the same and writes nothing. */
	void assertDryRunWritesNothing() throws Exception {
		String before = this.database.fingerprint();
		boot("autobaseline.dry-run=true").run((context) -> assertThat(report(context).dryRun()).isTrue());
		assertThat(this.database.fingerprint()).as("a dry run writes nothing").isEqualTo(before);
	}

	org.flywaydb.core.api.configuration.FluentConfiguration plainFlyway() {
		return plainFlyway(this.database);
	}

	org.flywaydb.core.api.configuration.FluentConfiguration plainFlyway(TestDatabase database) {
		return Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("filesystem:" + this.migrations);
	}

	/** A history table as plain Flyway leaves it when it ran with no migrations: created, empty. */
	void createEmptyHistoryTable() throws Exception {
		Path none = Files.createDirectories(this.temp.resolve("none"));
		plainFlyway().locations("filesystem:" + none).load().migrate();
		assertThat(this.database.rows("SELECT COUNT(*) FROM flyway_schema_history")).containsExactly("0");
	}

}
