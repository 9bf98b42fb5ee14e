package dev.autobaseline.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in its {@code mariadb} profile, on a database of its own on the MariaDB
 * server the tests use, next to another database that has tables of the same names.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationMariadbTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private MariadbTestServer.TestDatabase database;

	private MariadbTestServer.TestDatabase neighbour;

	@BeforeEach
	void createDatabases() throws SQLException {
		this.neighbour = MariadbTestServer.createDatabase("autobaseline_sample_neighbour");
		try (Connection connection = this.neighbour.connect(); Statement statement = connection.createStatement()) {
			// Another application's database on the same server: the demo must look at its own only.
			statement.execute("CREATE TABLE person (id INT PRIMARY KEY)");
			statement.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
		}
		this.database = MariadbTestServer.createDatabase("autobaseline_sample_demo");
	}

	@AfterEach
	void dropDatabases() {
		if (this.database != null) {
			this.database.drop();
		}
		if (this.neighbour != null) {
			this.neighbour.drop();
		}
	}

	@Test
	void demoProfileBuildsTheLegacyDatabaseAndAdoptsItInOneRun(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(JsonPath.<List<String>>read(get(app, "/people"), "$[*].name")).containsExactly("Alice", "Bob",
					"Chloe");
			assertThat(JsonPath.<List<String>>read(get(app, "/balances"), "$[*].currency")).containsOnly("EUR");
			assertThat(JsonPath.<String>read(get(app, "/actuator/autobaseline"), "$.lastDecision.baselineVersion"))
				.isEqualTo("2");
		}
		assertThat(history()).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL");
		assertThat(strings("SELECT COUNT(*) FROM expense")).containsExactly("3");
		assertThat(strings("SELECT COUNT(*) FROM meal_guest")).as("payers became guests (V5)").isNotEqualTo(List.of("0"));
		assertThat(output).contains("demo: built the pre-Flyway release 1.1 database")
			.contains("autobaseline: UNMANAGED database \"" + this.database.name() + "\" matched V2");
		try (ConfigurableApplicationContext app = start()) {
			assertThat(JsonPath.<String>read(get(app, "/actuator/autobaseline"), "$.lastDecision.state"))
				.isEqualTo("MANAGED");
		}
		assertThat(history()).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL");
		assertThat(strings("SELECT COUNT(*) FROM expense")).containsExactly("3");
	}

	private ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=mariadb,demo",
				"--spring.datasource.url=" + this.database.url(),
				"--spring.datasource.username=" + MariadbTestServer.USER));
		if (!MariadbTestServer.PASSWORD.isEmpty()) {
			arguments.add("--spring.datasource.password=" + MariadbTestServer.PASSWORD);
		}
		return new SpringApplicationBuilder(SampleApplication.class).run(arguments.toArray(String[]::new));
	}

	private String get(ConfigurableApplicationContext app, String path) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	private List<String> history() throws SQLException {
		return strings("SELECT CONCAT(version, ' ', type) FROM flyway_schema_history WHERE success"
				+ " ORDER BY installed_rank");
	}

	private List<String> strings(String query) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

}
