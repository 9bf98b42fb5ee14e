package dev.autobaseline.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.spring.UncalledStarterWarning;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UncalledStarterWarning}: real applications on a SQLite file, started with
 * {@code SpringApplication} so that they get ready.
 */
@ExtendWith(OutputCaptureExtension.class)
class UncalledStarterWarningTests {

	private static final String UNCALLED = "nothing called the starter";

	@TempDir
	Path temp;

	private SqliteStartup app;

	@BeforeEach
	void writeMigrations() throws Exception {
		this.app = new SqliteStartup(this.temp).migrations("V1__create_author.sql",
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);");
	}

	@Test
	void flywayBeanOfTheApplicationsOwnIsNamedInAWarning(CapturedOutput output) {
		run(OwnFlywayBean.class).close();
		assertThat(output).contains("WARN").contains("autobaseline: the application defines its own Flyway bean"
				+ " ownFlyway, so Spring Boot runs no Flyway initializer and nothing called the starter: no database"
				+ " was adopted. Call Autobaseline.migrate(flyway) for each Flyway bean where it calls flyway.migrate()"
				+ " (see the README), or set autobaseline.enabled=false.");
	}

	@Test
	void strategyOfTheApplicationsOwnThatSkipsTheStarterIsNamedInAWarning(CapturedOutput output) {
		run(OwnStrategy.class).close();
		assertThat(output).contains("autobaseline: the application's own FlywayMigrationStrategy (plainMigrate)"
				+ " replaces the starter's and did not call it: no database was adopted. Call"
				+ " Autobaseline.migrate(flyway) from it instead of flyway.migrate() (see the README), or set"
				+ " autobaseline.enabled=false.");
	}

	@Test
	void strategyOfTheApplicationsOwnThatCallsTheStarterIsNotWarnedAbout(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(OwnStrategyCallingTheStarter.class)) {
			assertThat(context.getBean(Autobaseline.class).lastReport()).isNotNull();
		}
		assertThat(output).contains("autobaseline: EMPTY").doesNotContain(UNCALLED).doesNotContain("did not call it");
	}

	@Test
	void starterCalledBySpringBootsInitializerIsNotWarnedAbout(CapturedOutput output) {
		run(AutoConfigured.class).close();
		assertThat(output).contains("autobaseline: EMPTY").doesNotContain(UNCALLED).doesNotContain("did not call it");
	}

	@Test
	void applicationWithoutFlywayIsNotWarnedAbout(CapturedOutput output) {
		run(AutoConfigured.class, "--spring.flyway.enabled=false").close();
		assertThat(output).doesNotContain(UNCALLED).doesNotContain("did not call it");
	}

	private ConfigurableApplicationContext run(Class<?> configuration, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + this.app.url(),
				"--spring.flyway.locations=filesystem:" + this.app.migrationsFolder()));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
			AutobaselineAutoConfiguration.class })
	static class AutoConfigured {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(AutoConfigured.class)
	static class OwnFlywayBean {

		@Bean(initMethod = "migrate")
		Flyway ownFlyway(DataSource dataSource, org.springframework.core.env.Environment environment) {
			return Flyway.configure()
				.dataSource(dataSource)
				.locations(environment.getProperty("spring.flyway.locations"))
				.load();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(AutoConfigured.class)
	static class OwnStrategy {

		@Bean
		FlywayMigrationStrategy plainMigrate() {
			return Flyway::migrate;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(AutoConfigured.class)
	static class OwnStrategyCallingTheStarter {

		@Bean
		FlywayMigrationStrategy auditedMigrate(Autobaseline autobaseline) {
			return autobaseline::migrate;
		}

	}

}
