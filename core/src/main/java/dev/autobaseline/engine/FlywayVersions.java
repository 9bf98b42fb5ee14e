package dev.autobaseline.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.Flyway;

/**
 * The Flyway versions the engine supports: 11.7 to 12.x. The application's Flyway is the one on
 * the class path; outside that range the engine refuses before it reads anything.
 */
final class FlywayVersions {

	/** Where flyway-core 11 and 12 keep their own version. */
	private static final String VERSION_RESOURCE = "org/flywaydb/core/internal/version.txt";

	private static volatile String checked;

	private FlywayVersions() {
	}

	/** Refuses a Flyway outside 11.7 to 12.x; a Flyway that does not say its version passes. */
	static void check() {
		String version = found();
		if (version == null || version.equals(checked)) {
			return;
		}
		if (!supported(version)) {
			throw new InvalidConfigurationException("flyway-core", version,
					"is outside the Flyway versions Flyway Autobaseline supports (11.7 to 12.x): use a Flyway in"
							+ " that range (the one Spring Boot 3.5, 4.0 and 4.1 manage is)");
		}
		checked = version;
	}

	static boolean supported(String version) {
		String[] parts = version.split("[.-]");
		try {
			int major = Integer.parseInt(parts[0]);
			int minor = (parts.length > 1) ? Integer.parseInt(parts[1]) : 0;
			return (major == 11 && minor >= 7) || major == 12;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	static String found() {
		try (InputStream in = Flyway.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8).trim() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
