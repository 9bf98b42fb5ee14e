package dev.autobaseline.compat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The application on a Spring Boot line its starter is not for (Spring Boot 3.5 with the Boot 4
 * starter, which drags Boot 4 modules in beside Boot 3.5's, or Spring Boot 4 with the Boot 3
 * starter): startup stops at once, before any bean definition of the application is registered,
 * with one sentence that names what to use.
 */
class WrongLineTests {

	private static final String BOOT4_STARTER = "flyway-autobaseline-spring-boot-starter";

	private static final String BOOT3_STARTER = "flyway-autobaseline-spring-boot3-starter";

	/** The starter the sentence says is for another line: the application's, unless the line says. */
	static final String WRONG = Line.optional("compat.wrong.starter", Line.STARTER);

	/** What the sentence tells the user to do: use the other line's starter, unless the line says. */
	static final String USE_INSTEAD = Line.optional("compat.wrong.advice",
			"Use dev.autobaseline:" + (WRONG.equals(BOOT4_STARTER) ? BOOT3_STARTER : BOOT4_STARTER) + " instead.");

	@TempDir
	Path folder;

	@Test
	void startupStopsBeforeAnyBeanDefinitionWithOneSentenceNamingWhatToUse() {
		FailedContext failed = new FailedContext();
		SpringApplication application = new SpringApplicationBuilder(CompatApplication.class)
			.web(WebApplicationType.NONE)
			.listeners(failed)
			.build();

		Throwable thrown = catchThrowable(
				() -> application.run("--spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("app.db")));

		List<IllegalStateException> stops = new ArrayList<>();
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalStateException stop) {
				stops.add(stop);
			}
		}
		assertThat(stops).as("IllegalStateExceptions in the cause chain of %s", thrown).singleElement().satisfies((stop) -> {
			assertThat(stop.getStackTrace()[0].getClassName()).startsWith("dev.autobaseline.");
			assertThat(stop.getMessage()).contains(WRONG + " is for Spring Boot "
					+ (WRONG.equals(BOOT4_STARTER) ? "4" : "3.5"))
				.contains("this application runs Spring Boot " + Line.SPRING_BOOT)
				.contains(USE_INSTEAD);
		});
		ConfigurableApplicationContext context = failed.context;
		assertThat(context).as("the context of the failed startup").isNotNull();
		assertThat(context.isActive()).isFalse();
		// Only what the context's constructor registers (Spring's own annotation processors).
		assertThat(context.getBeanDefinitionNames()).doesNotContain("compatApplication")
			.allMatch((name) -> name.startsWith("org.springframework.context."));
	}

	/** Keeps the context the failure report carries. */
	static final class FailedContext implements ApplicationListener<ApplicationFailedEvent> {

		ConfigurableApplicationContext context;

		@Override
		public void onApplicationEvent(ApplicationFailedEvent event) {
			this.context = event.getApplicationContext();
		}

	}

}
