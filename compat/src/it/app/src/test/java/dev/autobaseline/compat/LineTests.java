package dev.autobaseline.compat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build runs on the line it was asked for: the BOM import took effect and nothing else
 * pulled another Spring Boot or Flyway onto the class path.
 */
class LineTests {

	@Test
	void runsTheSpringBootOfItsLine() {
		assertThat(SpringBootVersion.getVersion()).isEqualTo(Line.SPRING_BOOT);
	}

	@Test
	void runsTheFlywayThatSpringBootManages() {
		assertThat(Line.flywayOnClassPath()).isEqualTo(Line.FLYWAY);
	}

	@Test
	void usesTheStarterOfItsLine() {
		assertThat(getClass().getClassLoader()
			.getResource("META-INF/maven/dev.autobaseline/" + Line.STARTER + "/pom.properties")).isNotNull();
	}

}
