package dev.autobaseline.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's property table against the configuration metadata, so that the two cannot drift
 * apart: the same properties, and the metadata's defaults as the README states them.
 */
class ReadmePropertiesTests {

	/** A row of the table: {@code | `autobaseline.x` | default | meaning |}. */
	private static final Pattern ROW = Pattern.compile("^\\| `(autobaseline\\.[a-z.-]+)` \\| ([^|]+) \\| ([^|]+) \\|$");

	@Test
	void readmeListsEveryPropertyOfTheMetadataAndNoOther() throws Exception {
		assertThat(readmeProperties().keySet())
			.containsExactlyInAnyOrderElementsOf(ConfigurationMetadataTests.autobaselineProperties().keySet());
	}

	@Test
	void readmeStatesTheMetadatasDefaults() throws Exception {
		Map<String, String> readme = readmeProperties();
		ConfigurationMetadataTests.autobaselineProperties().forEach((name, property) -> {
			JsonNode value = property.path("defaultValue");
			if (!value.isMissingNode()) {
				assertThat(readme.get(name)).as("README default of %s", name).isEqualTo("`" + value.asString() + "`");
			}
			else {
				assertThat(readme.get(name)).as("README default of %s", name).isNotBlank().doesNotContain("`true`",
						"`false`");
			}
		});
	}

	/** The README's property table: each property's default cell. */
	private static Map<String, String> readmeProperties() throws Exception {
		List<String> lines = Files.readAllLines(readme());
		Map<String, String> properties = new LinkedHashMap<>();
		for (String line : lines) {
			Matcher row = ROW.matcher(line.strip());
			if (row.matches()) {
				assertThat(properties).as("rows of the README's property table").doesNotContainKey(row.group(1));
				properties.put(row.group(1), row.group(2).strip());
			}
		}
		assertThat(properties).as("rows of the README's property table").isNotEmpty();
		return properties;
	}

	private static Path readme() {
		// Tests run in the module's folder; the README is the project's.
		Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
		assertThat(readme).exists();
		return readme;
	}

}
