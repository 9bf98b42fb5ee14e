package dev.autobaseline.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.context.ApplicationContextInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SpringBootLineCheckTests {

	@Test
	void aSpringBoot3ApplicationIsStoppedWithTheArtifactToUse() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SpringBootLineCheck(() -> "3.5.7").initialize(new GenericApplicationContext()))
			.withMessageContaining("flyway-autobaseline-spring-boot-starter is for Spring Boot 4.0 and 4.1")
			.withMessageContaining("runs Spring Boot 3.5.7")
			.withMessageContaining("dev.autobaseline:flyway-autobaseline-core");
	}

	@Test
	void springBoot4ApplicationsStart() {
		assertThatNoException()
			.isThrownBy(() -> new SpringBootLineCheck(() -> "4.0.7").initialize(new GenericApplicationContext()));
		assertThatNoException()
			.isThrownBy(() -> new SpringBootLineCheck(() -> "4.1.0").initialize(new GenericApplicationContext()));
	}

	@Test
	void theCheckIsRegisteredWhereEveryApplicationRunsIt() {
		assertThat(SpringFactoriesLoader.loadFactories(ApplicationContextInitializer.class, null))
			.anyMatch(SpringBootLineCheck.class::isInstance);
		SpringApplication application = new SpringApplication(Object.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThat(application.getInitializers()).anyMatch(SpringBootLineCheck.class::isInstance);
	}

	@Test
	void theRunningLineIsRead() {
		ConfigurableApplicationContext context = new GenericApplicationContext();
		assertThatNoException().isThrownBy(() -> new SpringBootLineCheck().initialize(context));
	}

}
