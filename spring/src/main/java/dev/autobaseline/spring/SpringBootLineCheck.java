package dev.autobaseline.spring;

import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Stops an application whose Spring Boot line has no glue of ours on the class path before its
 * bean definitions are registered, where the other line's modules a starter brings would
 * otherwise fail it with another library's error. Registered in {@code spring.factories}, which
 * both lines read; {@link SpringBootVersion} is on both lines too.
 * <p>
 * Both glues on one class path (common mid-upgrade) pass on Spring Boot 4: the running line's
 * glue works and the other backs off on its own condition. On Spring Boot 3 they cannot: the Boot 4
 * starter brings Spring Boot 4 modules (its Flyway and JDBC auto-configuration, which a Boot 3
 * BOM does not manage) that fail a Boot 3 application however our glues behave, so the check
 * stops it and names the starter to remove.
 */
public class SpringBootLineCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BOOT4_GLUE = "dev.autobaseline.autoconfigure.AutobaselineAutoConfiguration";

	static final String BOOT3_GLUE = "dev.autobaseline.boot3.AutobaselineAutoConfiguration";

	private static final String BOOT4_STARTER = "flyway-autobaseline-spring-boot-starter";

	private static final String BOOT3_STARTER = "flyway-autobaseline-spring-boot3-starter";

	private final Supplier<String> version;

	private final Predicate<String> present;

	public SpringBootLineCheck() {
		this(SpringBootVersion::getVersion,
				(name) -> ClassUtils.isPresent(name, SpringBootLineCheck.class.getClassLoader()));
	}

	SpringBootLineCheck(Supplier<String> version, Predicate<String> present) {
		this.version = version;
		this.present = present;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String running = this.version.get();
		if (running == null) {
			return;
		}
		String problem = problem(running);
		if (problem != null) {
			throw new IllegalStateException("Flyway Autobaseline: " + problem);
		}
	}

	private String problem(String running) {
		boolean boot4 = this.present.test(BOOT4_GLUE);
		boolean boot3 = this.present.test(BOOT3_GLUE);
		if (running.startsWith("4.")) {
			return boot4 ? null : BOOT3_STARTER + " is for Spring Boot 3.5, and this application runs Spring Boot "
					+ running + ". Use dev.autobaseline:" + BOOT4_STARTER + " instead.";
		}
		if (running.startsWith("3.5.")) {
			if (!boot4) {
				return null;
			}
			String wrong = BOOT4_STARTER + " is for Spring Boot 4.0 and 4.1, and this application runs Spring Boot "
					+ running + ".";
			return boot3 ? wrong + " It brings Spring Boot 4 modules that stop a Spring Boot 3 application: remove it"
					+ " and keep dev.autobaseline:" + BOOT3_STARTER + "."
					: wrong + " Use dev.autobaseline:" + BOOT3_STARTER + " instead.";
		}
		return "this application runs Spring Boot " + running + "; the starters are for Spring Boot 3.5 (" + BOOT3_STARTER
				+ ") and 4 (" + BOOT4_STARTER + ", tested on 4.0 and 4.1). On another line, remove the starter, add"
				+ " dev.autobaseline:flyway-autobaseline-core and call"
				+ " Autobaseline.builder().url(...).user(...).password(...).build().migrate(flyway) where Flyway"
				+ " migrates (README, \"Without Spring Boot\").";
	}

}
