package dev.autobaseline.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.SchemaState;
import dev.autobaseline.spring.gluetest.Glue;
import dev.autobaseline.spring.gluetest.GlueAutoConfigurationTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AutobaselineAutoConfiguration} on Spring Boot 4: the tests every line's glue passes, and more. */
class AutobaselineAutoConfigurationTests extends GlueAutoConfigurationTests {

	private static final String BOOT3_GLUE = "dev.autobaseline.boot3.AutobaselineAutoConfiguration";

	@Override
	protected Glue glue() {
		return new Boot4Glue();
	}

	/**
	 * Mid-upgrade: the Spring Boot 3 starter left beside this one. Its jar is on the test class
	 * path, so that Spring Boot reads its auto-configuration by name, as in an application.
	 */
	@Test
	void theSpringBoot3GlueOnTheClassPathBacksOff() throws Exception {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(BOOT3_GLUE, AutobaselineAutoConfiguration.class.getName());
		Path migrations = Files.createDirectories(this.temp.resolve("both"));
		Files.writeString(migrations.resolve("V1__create_note.sql"), "CREATE TABLE note (id INTEGER PRIMARY KEY);\n");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("both.db"),
					"spring.flyway.locations=filesystem:" + migrations)
			.run()) {
			assertThat(context.getBeanNamesForType(AutobaselineAutoConfiguration.class)).hasSize(1);
			assertThat(context.containsBean(BOOT3_GLUE)).isFalse();
			assertThat(context.getBeansOfType(Autobaseline.class)).hasSize(1);
			assertThat(context.getBean(FlywayMigrationStrategy.class)).isInstanceOf(AutobaselineMigrationStrategy.class);
			assertThat(context.getBean(Autobaseline.class).lastReport().state()).isEqualTo(SchemaState.EMPTY);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
