package dev.autobaseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the report says about the machine: CPU, memory, load average, JVM, commit.
 */
final class Machine {

	private Machine() {
	}

	/** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	static String cpu() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.findFirst()
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Versions of the libraries that do the work, from their Maven metadata on the class path. */
	static String libraries() {
		List<String> versions = new java.util.ArrayList<>();
		for (String artifact : List.of("org.flywaydb/flyway-core", "org.flywaydb/flyway-database-postgresql",
				"org.flywaydb/flyway-mysql", "org.xerial/sqlite-jdbc", "org.mariadb.jdbc/mariadb-java-client",
				"com.zaxxer/HikariCP")) {
			String resource = "META-INF/maven/" + artifact + "/pom.properties";
			try (java.io.InputStream in = Machine.class.getClassLoader().getResourceAsStream(resource)) {
				java.util.Properties properties = new java.util.Properties();
				if (in != null) {
					properties.load(in);
				}
				versions.add(artifact.substring(artifact.indexOf('/') + 1) + " "
						+ properties.getProperty("version", "unknown"));
			}
			catch (IOException ex) {
				versions.add(artifact + " unknown");
			}
		}
		return String.join(", ", versions) + "; no Spring context (Spring Boot 4.1.0 manages these versions)";
	}

	/** The commit the harness was built from, and whether main code had uncommitted changes. */
	static String commit() {
		String head = run(List.of("git", "rev-parse", "--short", "HEAD"));
		String dirty = run(List.of("git", "status", "--porcelain", "--", "autoconfigure/src/main", "../autoconfigure/src/main"));
		if (head.isEmpty()) {
			return "unknown";
		}
		return head + (dirty.isEmpty() ? "" : " (with uncommitted changes to autoconfigure/src/main)");
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes()).trim();
			return (process.waitFor() == 0) ? out : "";
		}
		catch (IOException | InterruptedException ex) {
			return "";
		}
	}

}
