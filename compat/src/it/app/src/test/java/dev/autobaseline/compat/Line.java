package dev.autobaseline.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.Flyway;

/**
 * The line this build was asked to run (the system properties its pom passes from the line
 * directory's test.properties), and what the class path holds.
 */
final class Line {

	/** The Spring Boot version whose BOM the build imported. */
	static final String SPRING_BOOT = required("compat.spring-boot.version");

	/** The Flyway version that Spring Boot version manages. */
	static final String FLYWAY = required("compat.flyway.version");

	/** The artifactId of the starter the application depends on. */
	static final String STARTER = required("compat.starter");

	private Line() {
	}

	/** The version of the flyway-core on the class path, as Flyway itself records it. */
	static String flywayOnClassPath() {
		try (InputStream in = Flyway.class.getClassLoader()
			.getResourceAsStream("org/flywaydb/core/internal/version.txt")) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8).trim() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A server setting: the system property, else the environment variable, else the default. */
	static String setting(String property, String environmentVariable, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(environmentVariable);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** A system property the line may set, else the fallback. */
	static String optional(String property, String fallback) {
		String value = System.getProperty(property);
		return (value == null || value.isBlank() || value.startsWith("${")) ? fallback : value;
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank() || value.startsWith("${")) {
			throw new IllegalStateException("System property " + property + " is not set: run this application"
					+ " through a line directory of compat/src/it (./mvnw -Pcompat -pl compat -am verify)");
		}
		return value;
	}

}
