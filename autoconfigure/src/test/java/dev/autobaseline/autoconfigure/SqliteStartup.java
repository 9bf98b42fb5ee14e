package dev.autobaseline.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SQLite file and a folder of migrations in a temporary folder, and the auto-configuration
 * (DataSource, Flyway, Autobaseline) booted against them: what the auto-configuration tests start
 * from.
 */
final class SqliteStartup {

	private final Path folder;

	private final Path database;

	private final Path migrations;

	SqliteStartup(Path folder) throws IOException {
		this.folder = folder;
		this.database = folder.resolve("app.db");
		this.migrations = Files.createDirectories(folder.resolve("migrations"));
	}

	/** Writes migrations: file name, then its SQL, and so on. */
	SqliteStartup migrations(String... namesAndScripts) throws IOException {
		for (int i = 0; i < namesAndScripts.length; i += 2) {
			Files.writeString(this.migrations.resolve(namesAndScripts[i]), namesAndScripts[i + 1] + "\n");
		}
		return this;
	}

	/** Runs statements on the database, the way an application without Flyway did. */
	SqliteStartup execute(String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		return this;
	}

	/** Plain Flyway on the database and the migrations. */
	FluentConfiguration flyway() {
		return Flyway.configure().dataSource(url(), null, null).locations("filesystem:" + this.migrations);
	}

	String url() {
		return "jdbc:sqlite:" + this.database;
	}

	Path folder() {
		return this.folder;
	}

	Path migrationsFolder() {
		return this.migrations;
	}

	/** The auto-configuration booted against the database, with more properties. */
	ApplicationContextRunner boot(String... properties) {
		List<String> values = new ArrayList<>(
				List.of("spring.datasource.url=" + url(), "spring.flyway.locations=filesystem:" + this.migrations));
		values.addAll(List.of(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					AutobaselineAutoConfiguration.class))
			.withPropertyValues(values.toArray(String[]::new));
	}

	/** Boots, expects startup to fail, and returns what the analyzer makes of the failure. */
	FailureAnalysis analyzeStartupFailure(FailureAnalyzer analyzer, String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		boot(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = analyzer.analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).as("analysis of the startup failure").isNotNull();
		return analysis[0];
	}

	/** Lines joined with the platform's line separator, as the messages join them. */
	static String lines(String... lines) {
		return String.join(System.lineSeparator(), lines);
	}

}
