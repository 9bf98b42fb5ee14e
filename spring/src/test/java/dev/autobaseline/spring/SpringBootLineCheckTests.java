package dev.autobaseline.spring;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SpringBootLineCheckTests {

	private static final Set<String> BOOT4_ONLY = Set.of(SpringBootLineCheck.BOOT4_GLUE);

	private static final Set<String> BOOT3_ONLY = Set.of(SpringBootLineCheck.BOOT3_GLUE);

	private static final Set<String> BOTH = Set.of(SpringBootLineCheck.BOOT4_GLUE, SpringBootLineCheck.BOOT3_GLUE);

	@Test
	void aSpringBoot3ApplicationWithTheBoot4StarterIsToldToUseTheBoot3One() {
		assertThatIllegalStateException().isThrownBy(() -> check("3.5.7", BOOT4_ONLY))
			.withMessage("Flyway Autobaseline: flyway-autobaseline-spring-boot-starter is for Spring Boot 4.0 and 4.1,"
					+ " and this application runs Spring Boot 3.5.7. Use"
					+ " dev.autobaseline:flyway-autobaseline-spring-boot3-starter instead.");
	}

	@Test
	void aSpringBoot4ApplicationWithTheBoot3StarterIsToldToUseTheBoot4One() {
		assertThatIllegalStateException().isThrownBy(() -> check("4.1.0", BOOT3_ONLY))
			.withMessage("Flyway Autobaseline: flyway-autobaseline-spring-boot3-starter is for Spring Boot 3.5, and"
					+ " this application runs Spring Boot 4.1.0. Use"
					+ " dev.autobaseline:flyway-autobaseline-spring-boot-starter instead.");
	}

	@Test
	void eachLineStartsWithItsOwnGlue() {
		assertThatNoException().isThrownBy(() -> check("4.0.7", BOOT4_ONLY));
		assertThatNoException().isThrownBy(() -> check("4.1.2", BOOT4_ONLY));
		assertThatNoException().isThrownBy(() -> check("3.5.7", BOOT3_ONLY));
	}

	@Test
	void springBoot4StartsWithBothStarters() {
		assertThatNoException().isThrownBy(() -> check("4.1.0", BOTH));
	}

	/** The Boot 4 starter's Spring Boot 4 modules would stop a Boot 3 application with their own error. */
	@Test
	void springBoot3WithBothStartersIsToldToRemoveTheBoot4One() {
		assertThatIllegalStateException().isThrownBy(() -> check("3.5.7", BOTH))
			.withMessage("Flyway Autobaseline: flyway-autobaseline-spring-boot-starter is for Spring Boot 4.0 and 4.1,"
					+ " and this application runs Spring Boot 3.5.7. It brings Spring Boot 4 modules that stop a"
					+ " Spring Boot 3 application: remove it and keep"
					+ " dev.autobaseline:flyway-autobaseline-spring-boot3-starter.");
	}

	@Test
	void anOlderLineIsStoppedWithTheCoreArtifactToUse() {
		assertThatIllegalStateException().isThrownBy(() -> check("3.4.5", BOTH))
			.withMessageContaining("this application runs Spring Boot 3.4.5")
			.withMessageContaining("flyway-autobaseline-spring-boot3-starter")
			.withMessageContaining("dev.autobaseline:flyway-autobaseline-core");
	}

	@Test
	void theCheckIsRegisteredWhereEveryApplicationRunsIt() {
		assertThat(SpringFactoriesLoader.loadFactories(ApplicationContextInitializer.class, null))
			.anyMatch(SpringBootLineCheck.class::isInstance);
		SpringApplication application = new SpringApplication(Object.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThat(application.getInitializers()).anyMatch(SpringBootLineCheck.class::isInstance);
	}

	private static void check(String version, Set<String> glues) {
		new SpringBootLineCheck(() -> version, glues::contains).initialize(new GenericApplicationContext());
	}

}
