package dev.autobaseline.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.engine.AdoptionRefusedException;
import dev.autobaseline.engine.AdoptionRefusedException.Reason;
import dev.autobaseline.engine.SchemaState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AdoptionRefusedFailureAnalyzer}.
 */
class AdoptionRefusedFailureAnalyzerTests {

	private static final String DESCRIPTION = "The database (schema \"main\", UNMANAGED) matches no migration version.";

	private static final String ACTION = "Set autobaseline.mode=fixed with autobaseline.fixed-version=<version>.";

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				AutobaselineAutoConfiguration.class));

	private final AdoptionRefusedFailureAnalyzer analyzer = new AdoptionRefusedFailureAnalyzer();

	@Test
	void analysisUsesRefusalsDescriptionAndAction() {
		AdoptionRefusedException refusal = new AdoptionRefusedException(SchemaState.UNMANAGED, Reason.NO_MATCH,
				DESCRIPTION, ACTION, null, null);
		Throwable failure = new BeanCreationException("flywayInitializer", "Invocation of init method failed",
				new IllegalStateException("wrapped", refusal));
		FailureAnalysis analysis = this.analyzer.analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(DESCRIPTION);
		assertThat(analysis.getAction()).isEqualTo(ACTION);
		assertThat(analysis.getCause()).isSameAs(refusal);
	}

	@Test
	void doesNotAnalyzeOtherFailures() {
		Throwable failure = new BeanCreationException("flywayInitializer", "Invocation of init method failed",
				new IllegalStateException("not a refusal"));
		assertThat(this.analyzer.analyze(failure)).isNull();
	}

	@Test
	void analyzesRefusalThatStopsStartup() throws Exception {
		// A pre-Flyway table whose columns match no migration version: the starter refuses.
		Path migrations = Files.createDirectories(this.temp.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_note.sql"),
				"CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);\n");
		String url = "jdbc:sqlite:" + this.temp.resolve("legacy.db");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, title TEXT)");
		}
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + migrations)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BeanCreationException.class)
					.hasRootCauseInstanceOf(AdoptionRefusedException.class);
				AdoptionRefusedException refusal = refusalIn(context.getStartupFailure());
				assertThat(refusal.getReason()).isEqualTo(Reason.NO_MATCH);
				FailureAnalysis analysis = this.analyzer.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo(refusal.getDescription()).contains("note");
				assertThat(analysis.getAction()).isEqualTo(refusal.getAction()).contains("autobaseline.");
			});
	}

	@Test
	void isRegisteredInSpringFactories() {
		List<Throwable> otherAnalyzersFailures = new ArrayList<>();
		// Spring Boot's own analyzers may need constructor arguments this loader cannot give: ignore them.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, ex) -> otherAnalyzersFailures.add(ex)));
		assertThat(analyzers).filteredOn(AdoptionRefusedFailureAnalyzer.class::isInstance).hasSize(1);
		assertThat(otherAnalyzersFailures).noneMatch((ex) -> String.valueOf(ex.getMessage())
			.contains(AdoptionRefusedFailureAnalyzer.class.getName()));
	}

	private static AdoptionRefusedException refusalIn(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof AdoptionRefusedException refusal) {
				return refusal;
			}
		}
		throw new AssertionError("No AdoptionRefusedException in " + failure);
	}

}
