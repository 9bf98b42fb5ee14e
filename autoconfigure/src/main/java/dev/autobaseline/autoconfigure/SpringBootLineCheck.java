package dev.autobaseline.autoconfigure;

import java.util.function.Supplier;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops an application of another Spring Boot line before its bean definitions are registered,
 * where the Boot 4 modules this starter brings would otherwise fail it with another library's
 * error. Registered in {@code spring.factories}, which both lines read; {@link SpringBootVersion}
 * is on both lines too.
 */
public class SpringBootLineCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final Supplier<String> version;

	public SpringBootLineCheck() {
		this(SpringBootVersion::getVersion);
	}

	SpringBootLineCheck(Supplier<String> version) {
		this.version = version;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String running = this.version.get();
		if (running != null && !running.startsWith("4.")) {
			throw new IllegalStateException("Flyway Autobaseline: flyway-autobaseline-spring-boot-starter is for"
					+ " Spring Boot 4.0 and 4.1, and this application runs Spring Boot " + running + ". Remove it;"
					+ " on Spring Boot 3.5 use dev.autobaseline:flyway-autobaseline-core and call"
					+ " Autobaseline.builder().url(...).user(...).password(...).build().migrate(flyway) from a"
					+ " FlywayMigrationStrategy bean (README, \"Without Spring Boot 4\").");
		}
	}

}
