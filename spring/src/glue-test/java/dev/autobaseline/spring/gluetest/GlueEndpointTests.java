package dev.autobaseline.spring.gluetest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import dev.autobaseline.spring.AutobaselineEndpoint;
import dev.autobaseline.spring.AutobaselineEndpoint.AutobaselineDescriptor;
import dev.autobaseline.spring.AutobaselineEndpoint.DecisionDescriptor;
import dev.autobaseline.spring.AutobaselineEndpointAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutobaselineEndpointAutoConfiguration} on a line: the endpoint exists only
 * where Actuator is and only when exposed, like Spring Boot's own endpoints. The real web request
 * is in the sample app's tests.
 */
public abstract class GlueEndpointTests {

	@TempDir
	protected Path temp;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void createLegacyDatabase() throws Exception {
		Path migrations = Files.createDirectories(this.temp.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_author.sql"),
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);\n");
		Files.writeString(migrations.resolve("V2__create_book.sql"),
				"CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT);\n");
		String url = "jdbc:sqlite:" + this.temp.resolve("app.db");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)");
		}
		this.contextRunner = new ApplicationContextRunner().withConfiguration(glue().autoConfigurations())
			.withConfiguration(AutoConfigurations.of(AutobaselineEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + migrations);
	}

	/** The line under test. */
	protected abstract Glue glue();

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AutobaselineEndpoint.class);
		});
	}

	@Test
	void endpointExposedOverHttpReportsTheLastDecision() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=autobaseline")
			.run((context) -> {
				assertThat(context).hasSingleBean(AutobaselineEndpoint.class);
				AutobaselineDescriptor descriptor = context.getBean(AutobaselineEndpoint.class).autobaseline();
				assertThat(descriptor.settings().mode()).isEqualTo("detect");
				assertThat(descriptor.settings().match()).isEqualTo("columns");
				assertThat(descriptor.settings().onAmbiguous()).isEqualTo("highest");
				assertThat(descriptor.settings().record()).isEqualTo("baseline");
				DecisionDescriptor decision = descriptor.lastDecision();
				assertThat(decision.state()).isEqualTo("UNMANAGED");
				assertThat(decision.evidence()).isEqualTo("matched V1");
				assertThat(decision.level()).isEqualTo("columns");
				assertThat(decision.distance()).isZero();
				assertThat(decision.candidates()).containsExactly("V1");
				assertThat(decision.baselineVersion()).isEqualTo("1");
				assertThat(decision.baselineWritten()).isTrue();
				assertThat(decision.migrationsApplied()).isEqualTo(1);
				assertThat(decision.summary()).startsWith("autobaseline: UNMANAGED schema \"main\" matched V1");
				assertThat(decision.backup()).contains("app.db");
			});
	}

	@Test
	void endpointExposedOverJmxIsAvailable() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=autobaseline")
			.run((context) -> assertThat(context).hasSingleBean(AutobaselineEndpoint.class));
	}

	@Test
	void endpointWithAccessNoneIsNotAvailable() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=autobaseline",
					"management.endpoint.autobaseline.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(AutobaselineEndpoint.class));
	}

	@Test
	void endpointHasNoDecisionWhenNothingCalledTheStarter() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=autobaseline")
			.withUserConfiguration(glue().recordingStrategyConfiguration())
			.run((context) -> {
				AutobaselineDescriptor descriptor = context.getBean(AutobaselineEndpoint.class).autobaseline();
				assertThat(descriptor.settings()).isNotNull();
				assertThat(descriptor.lastDecision()).isNull();
			});
	}

	@Test
	void noEndpointWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=autobaseline")
			.withClassLoader(new FilteredClassLoader(Endpoint.class, ConditionalOnAvailableEndpoint.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AutobaselineEndpoint.class);
			});
	}

	@Test
	void noEndpointWhenStarterIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=autobaseline", "autobaseline.enabled=false",
					"spring.flyway.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AutobaselineEndpoint.class);
			});
	}

}
