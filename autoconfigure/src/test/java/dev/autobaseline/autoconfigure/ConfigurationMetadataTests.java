package dev.autobaseline.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata the configuration processor generates from
 * {@link AutobaselineProperties}: what IDEs show for {@code autobaseline.*}.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static Map<String, JsonNode> properties;

	private static List<URL> sources;

	@BeforeAll
	static void readAutobaselineProperties() throws Exception {
		Map<String, JsonNode> found = new LinkedHashMap<>();
		List<URL> contributing = new ArrayList<>();
		ObjectMapper mapper = new ObjectMapper();
		for (URL resource : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
			JsonNode metadata;
			try (InputStream input = resource.openStream()) {
				metadata = mapper.readTree(input);
			}
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString();
				if (name.startsWith("autobaseline.")) {
					found.put(name, property);
					if (!contributing.contains(resource)) {
						contributing.add(resource);
					}
				}
			}
		}
		properties = found;
		sources = contributing;
	}

	@Test
	void publishesAutobaselinePropertiesFromOneSource() {
		assertThat(sources).hasSize(1);
		assertThat(properties).containsKeys("autobaseline.enabled", "autobaseline.mode", "autobaseline.fixed-version",
				"autobaseline.match", "autobaseline.on-ambiguous", "autobaseline.ignore-tables", "autobaseline.dry-run",
				"autobaseline.rebaseline", "autobaseline.shadow.url", "autobaseline.shadow.username",
				"autobaseline.shadow.password");
	}

	@Test
	void everyPropertyHasDescription() {
		assertThat(properties).isNotEmpty();
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat(property.path("description").asString(""))
				.as("description of %s", property.path("name").asString())
				.isNotBlank());
	}

	@Test
	void publishesDefaults() {
		assertThat(defaultValue("autobaseline.enabled").isBoolean()).isTrue();
		assertThat(defaultValue("autobaseline.enabled").booleanValue()).isTrue();
		assertThat(defaultValue("autobaseline.match").asString()).isEqualTo("columns");
		assertThat(defaultValue("autobaseline.mode").asString()).isEqualTo("detect");
		assertThat(defaultValue("autobaseline.on-ambiguous").asString()).isEqualTo("highest");
		assertThat(defaultValue("autobaseline.dry-run").booleanValue()).isFalse();
		assertThat(defaultValue("autobaseline.rebaseline").booleanValue()).isFalse();
	}

	private static JsonNode defaultValue(String name) {
		assertThat(properties).containsKey(name);
		JsonNode value = properties.get(name).path("defaultValue");
		assertThat(value.isMissingNode()).as("default value of %s is published", name).isFalse();
		return value;
	}

}
