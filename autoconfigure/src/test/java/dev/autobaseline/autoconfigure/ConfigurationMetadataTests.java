package dev.autobaseline.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.autobaseline.spring.AutobaselineProperties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata the configuration processor generates from
 * {@link AutobaselineProperties} (merged with {@code additional-spring-configuration-metadata.json}):
 * what IDEs show for {@code autobaseline.*}.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static Map<String, JsonNode> properties;

	private static Map<String, JsonNode> hints;

	private static List<URL> sources;

	@BeforeAll
	static void readAutobaselineProperties() throws Exception {
		Map<String, JsonNode> foundProperties = new LinkedHashMap<>();
		Map<String, JsonNode> foundHints = new LinkedHashMap<>();
		List<URL> contributing = new ArrayList<>();
		ObjectMapper mapper = new ObjectMapper();
		for (URL resource : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
			JsonNode metadata;
			try (InputStream input = resource.openStream()) {
				metadata = mapper.readTree(input);
			}
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString();
				if (isOurs(name)) {
					foundProperties.put(name, property);
					if (!contributing.contains(resource)) {
						contributing.add(resource);
					}
				}
			}
			for (JsonNode hint : metadata.path("hints")) {
				if (isOurs(hint.path("name").asString())) {
					foundHints.put(hint.path("name").asString(), hint);
				}
			}
		}
		properties = foundProperties;
		hints = foundHints;
		sources = contributing;
	}

	private static boolean isOurs(String name) {
		return name.startsWith("autobaseline.") || name.startsWith("management.endpoint.autobaseline.");
	}

	/** Every {@code autobaseline.*} property, as the README's table lists them. */
	static Map<String, JsonNode> autobaselineProperties() throws Exception {
		if (properties == null) {
			// Called from another test class, whose JVM may not have run this one's @BeforeAll.
			readAutobaselineProperties();
		}
		Map<String, JsonNode> ours = new LinkedHashMap<>(properties);
		ours.keySet().removeIf((name) -> !name.startsWith("autobaseline."));
		return ours;
	}

	@Test
	void publishesAutobaselinePropertiesFromOneSource() throws Exception {
		assertThat(sources).hasSize(1);
		assertThat(autobaselineProperties()).containsOnlyKeys("autobaseline.enabled", "autobaseline.mode",
				"autobaseline.fixed-version", "autobaseline.match", "autobaseline.on-ambiguous",
				"autobaseline.ignore-tables", "autobaseline.dry-run", "autobaseline.rebaseline",
				"autobaseline.record", "autobaseline.repair", "autobaseline.verify-managed", "autobaseline.lock-timeout",
				"autobaseline.mysql.enabled", "autobaseline.replay.timeout", "autobaseline.replay.allow-cluster-statements",
				"autobaseline.replay.java-migration-beans", "autobaseline.backup.enabled",
				"autobaseline.backup.directory", "autobaseline.shadow.url", "autobaseline.shadow.username",
				"autobaseline.shadow.password", "autobaseline.shadow.leftover-min-age");
	}

	@Test
	void publishesTheEndpointsAccessProperty() {
		assertThat(properties).containsKey("management.endpoint.autobaseline.access");
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
		assertThat(defaultValue("autobaseline.enabled").booleanValue()).isTrue();
		assertThat(defaultValue("autobaseline.match").asString()).isEqualTo("columns");
		assertThat(defaultValue("autobaseline.mode").asString()).isEqualTo("detect");
		assertThat(defaultValue("autobaseline.on-ambiguous").asString()).isEqualTo("highest");
		assertThat(defaultValue("autobaseline.dry-run").booleanValue()).isFalse();
		assertThat(defaultValue("autobaseline.rebaseline").booleanValue()).isFalse();
		assertThat(defaultValue("autobaseline.lock-timeout").asString()).isEqualTo("60s");
		assertThat(defaultValue("autobaseline.replay.timeout").asString()).isEqualTo("10m");
		assertThat(defaultValue("autobaseline.backup.enabled").booleanValue()).isTrue();
		assertThat(defaultValue("autobaseline.shadow.leftover-min-age").asString()).isEqualTo("1m");
	}

	@Test
	void leftoverMinAgeIsDeprecatedButStillPublished() throws Exception {
		JsonNode property = autobaselineProperties().get("autobaseline.shadow.leftover-min-age");
		assertThat(property.path("deprecated").booleanValue()).isTrue();
		assertThat(property.path("deprecation").path("reason").asString()).contains("whatever its age");
		assertThat(property.path("deprecation").path("level").asString("warning")).isEqualTo("warning");
	}

	@Test
	void everyEnumPropertyHintsEachOfItsValuesWithADescription() throws Exception {
		List<String> enumProperties = new ArrayList<>();
		for (JsonNode property : autobaselineProperties().values()) {
			Class<?> type = typeOf(property);
			if (type == null || !type.isEnum()) {
				continue;
			}
			String name = property.path("name").asString();
			enumProperties.add(name);
			List<String> constants = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.toList();
			assertThat(hints).as("hints of %s", name).containsKey(name);
			List<String> hinted = new ArrayList<>();
			for (JsonNode value : hints.get(name).path("values")) {
				hinted.add(value.path("value").asString());
				assertThat(value.path("description").asString("")).as("description of %s=%s", name,
						value.path("value").asString()).isNotBlank();
			}
			assertThat(hinted).as("hinted values of %s", name).containsExactlyElementsOf(constants);
		}
		assertThat(enumProperties).containsExactlyInAnyOrder("autobaseline.mode", "autobaseline.match",
				"autobaseline.on-ambiguous", "autobaseline.record", "autobaseline.replay.java-migration-beans");
	}

	private static Class<?> typeOf(JsonNode property) {
		String type = property.path("type").asString("");
		try {
			return Class.forName(type);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private static JsonNode defaultValue(String name) {
		assertThat(properties).containsKey(name);
		JsonNode value = properties.get(name).path("defaultValue");
		assertThat(value.isMissingNode()).as("default value of %s is published", name).isFalse();
		return value;
	}

}
