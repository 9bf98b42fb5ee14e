package dev.autobaseline.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration job as a separate JVM, the way a deployment pipeline runs it:
 * the exit code says whether the database was adopted and migrated.
 */
class MigrationJobCommandTests {

	@TempDir
	Path workDir;

	@Test
	void jobExitsZeroOnceALegacyDatabaseIsAdoptedAndMigrated() throws Exception {
		Path database = this.workDir.resolve("library.db");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
			LibraryMigrations.buildLegacyDatabase(connection, 2);
		}
		Result result = runJob(database);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("autobaseline:");
	}

	@Test
	void jobExitsNonZeroAndSaysWhyWhenTheSchemaHasDrifted() throws Exception {
		Path database = this.workDir.resolve("library.db");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
			LibraryMigrations.buildDatabaseWithExtraColumn(connection);
		}
		Result result = runJob(database);
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		// Spring Boot's failure analysis, not a stack trace: what was found, then what to do.
		assertThat(result.output()).contains("APPLICATION FAILED TO START", "Description:",
				"column author.nickname exists in the database but in no migration up to V2", "Action:",
				"autobaseline.ignore-tables");
	}

	private Result runJob(Path database) throws Exception {
		Path migrations = LibraryMigrations.writeTo(this.workDir.resolve("migrations"));
		Path log = this.workDir.resolve("job.log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), SampleApplication.class.getName(),
				"--spring.main.web-application-type=none", "--spring.datasource.url=jdbc:sqlite:" + database,
				"--spring.flyway.locations=filesystem:" + migrations));
		Process process = new ProcessBuilder(command).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		process.getOutputStream().close();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("The job did not exit within 2 minutes:\n" + Files.readString(log));
		}
		return new Result(process.exitValue(), Files.readString(log));
	}

	record Result(int exitCode, String output) {
	}

}
