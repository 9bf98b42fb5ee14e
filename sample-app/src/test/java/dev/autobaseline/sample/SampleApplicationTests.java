package dev.autobaseline.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample app booted in-process on a random port against a SQLite file in a
 * temporary folder, driven through its REST API.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private static final String ALICE = "8f0c3a52-5c1e-4c55-9d0e-000000000001";

	private static final String BOB = "8f0c3a52-5c1e-4c55-9d0e-000000000002";

	private static final String CHLOE = "8f0c3a52-5c1e-4c55-9d0e-000000000003";

	private static final String PIZZA_NIGHT = "4b7d9e10-2a3f-4f6b-8c21-000000000001";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path workDir;

	@Test
	void legacyDatabaseIsAdoptedAtVersion2AndItsRowsAreServed(CapturedOutput output) throws Exception {
		Path database = this.workDir.resolve("expenses.db");
		try (Connection connection = DriverManager.getConnection(url(database))) {
			ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/schema.sql"));
			ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/data.sql"));
		}
		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url(database))) {
			String people = get(app, "/people");
			assertThat(JsonPath.<List<String>>read(people, "$[*].name")).containsExactly("Alice", "Bob", "Chloe");
			String expenses = get(app, "/expenses");
			assertThat(JsonPath.<List<Integer>>read(expenses, "$[*].amountCents")).containsExactlyInAnyOrder(4200,
					900, 3150);
			assertThat(JsonPath.<List<String>>read(expenses, "$[*].currency")).as("V3's default").containsOnly("EUR");
			String pizzaNight = get(app, "/meals/" + PIZZA_NIGHT);
			assertThat(JsonPath.<String>read(pizzaNight, "$.eatenOn")).isEqualTo("2024-03-01");
			assertThat(JsonPath.<List<String>>read(pizzaNight, "$.guestIds")).as("V5's backfill")
				.containsExactly(ALICE, BOB);
			String balances = get(app, "/balances");
			assertThat(JsonPath.<List<String>>read(balances, "$[*].personId")).containsExactly(ALICE, BOB, CHLOE);
			assertThat(JsonPath.<List<Integer>>read(balances, "$[*].balanceCents")).containsExactly(1650, -1650, 0);
		}
		assertThat(history(database)).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL");
		assertThat(output).contains("autobaseline: UNMANAGED schema \"main\" matched V2");
	}

	@Test
	void autobaselineEndpointTellsWhatTheStarterDidOverHttp() throws Exception {
		Path database = this.workDir.resolve("expenses.db");
		try (Connection connection = DriverManager.getConnection(url(database))) {
			ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/schema.sql"));
			ScriptUtils.executeSqlScript(connection, new ClassPathResource("legacy/data.sql"));
		}
		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url(database))) {
			String body = get(app, "/actuator/autobaseline");
			assertThat(JsonPath.<String>read(body, "$.settings.mode")).isEqualTo("detect");
			assertThat(JsonPath.<String>read(body, "$.settings.match")).isEqualTo("columns");
			assertThat(JsonPath.<String>read(body, "$.settings.record")).isEqualTo("baseline");
			assertThat(JsonPath.<String>read(body, "$.lastDecision.state")).isEqualTo("UNMANAGED");
			assertThat(JsonPath.<String>read(body, "$.lastDecision.evidence")).isEqualTo("matched V2");
			assertThat(JsonPath.<String>read(body, "$.lastDecision.level")).isEqualTo("columns");
			assertThat(JsonPath.<Integer>read(body, "$.lastDecision.distance")).isZero();
			assertThat(JsonPath.<List<String>>read(body, "$.lastDecision.candidates")).containsExactly("V2");
			assertThat(JsonPath.<String>read(body, "$.lastDecision.baselineVersion")).isEqualTo("2");
			assertThat(JsonPath.<Boolean>read(body, "$.lastDecision.baselineWritten")).isTrue();
			assertThat(JsonPath.<Integer>read(body, "$.lastDecision.migrationsApplied")).isEqualTo(3);
			assertThat(JsonPath.<Boolean>read(body, "$.lastDecision.dryRun")).isFalse();
			assertThat(JsonPath.<String>read(body, "$.lastDecision.backup")).startsWith(database.toString());
			assertThat(JsonPath.<String>read(body, "$.lastDecision.summary"))
				.startsWith("autobaseline: UNMANAGED schema \"main\" matched V2 (columns, strict distance 0) in ")
				.endsWith("; baselined at 2; Flyway applied 3 migrations");
		}
		// The next boot takes the fast path: the endpoint says so.
		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url(database))) {
			String body = get(app, "/actuator/autobaseline");
			assertThat(JsonPath.<String>read(body, "$.lastDecision.state")).isEqualTo("MANAGED");
			assertThat(JsonPath.<Integer>read(body, "$.lastDecision.migrationsApplied")).isZero();
		}
	}

	@Test
	void autobaselineEndpointIsNotServedUnlessExposed() throws Exception {
		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url(this.workDir.resolve("x.db")),
				"--management.endpoints.web.exposure.include=health")) {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(app, "/actuator/autobaseline"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void demoProfileBuildsTheLegacyDatabaseAndAdoptsItInOneRun(CapturedOutput output) throws Exception {
		Path database = this.workDir.resolve("demo.db");
		try (ConfigurableApplicationContext app = start("--spring.profiles.active=demo",
				"--spring.datasource.url=" + url(database))) {
			assertThat(JsonPath.<List<String>>read(get(app, "/people"), "$[*].name")).containsExactly("Alice", "Bob",
					"Chloe");
			assertThat(JsonPath.<String>read(get(app, "/actuator/autobaseline"), "$.lastDecision.baselineVersion"))
				.isEqualTo("2");
		}
		assertThat(history(database)).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL");
		assertThat(output).contains("demo: built the pre-Flyway release 1.1 database")
			.contains("autobaseline: UNMANAGED schema \"main\" matched V2");
		// Run again: the database has its tables now, so the demo leaves it alone and Flyway owns it.
		try (ConfigurableApplicationContext app = start("--spring.profiles.active=demo",
				"--spring.datasource.url=" + url(database))) {
			assertThat(JsonPath.<String>read(get(app, "/actuator/autobaseline"), "$.lastDecision.state"))
				.isEqualTo("MANAGED");
		}
		assertThat(history(database)).containsExactly("2 BASELINE", "3 SQL", "4 SQL", "5 SQL");
	}

	@Test
	void expenseIsSplitAmongTheGuestsOfItsMeal() throws Exception {
		try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url(this.workDir.resolve("new.db")))) {
			String ann = JsonPath.read(post(app, "/people", "{\"name\":\"Ann\"}", 201), "$.id");
			String ben = JsonPath.read(post(app, "/people", "{\"name\":\"Ben\"}", 201), "$.id");
			String meal = JsonPath.read(post(app, "/meals",
					"{\"title\":\"Tacos\",\"eatenOn\":\"2025-05-01\",\"guestIds\":[\"" + ann + "\",\"" + ben + "\"]}",
					201), "$.id");
			post(app, "/expenses", "{\"mealId\":\"" + meal + "\",\"paidBy\":\"" + ann + "\",\"amountCents\":1000}", 201);
			post(app, "/expenses", "{\"mealId\":\"" + meal + "\",\"paidBy\":\"" + ben + "\",\"amountCents\":500,"
					+ "\"currency\":\"usd\"}", 201);
			String balances = get(app, "/balances");
			assertThat(JsonPath.<List<Map<String, Object>>>read(balances, "$[*]")).extracting("name", "currency",
					"paidCents", "shareCents", "balanceCents")
				.containsExactlyInAnyOrder(tuple("Ann", "EUR", 1000, 500, 500),
						tuple("Ben", "EUR", 0, 500, -500),
						tuple("Ann", "USD", 0, 250, -250),
						tuple("Ben", "USD", 500, 250, 250));
			String refused = post(app, "/expenses", "{\"mealId\":\"" + meal + "\",\"paidBy\":\"nobody\","
					+ "\"amountCents\":100}", 400);
			assertThat(refused).contains("No person with id nobody");
		}
	}

	@Test
	void seedLegacyProfileBuildsThePreFlywayDatabaseOnlyWhenItIsEmpty() throws Exception {
		Path database = this.workDir.resolve("legacy.db");
		start("--spring.profiles.active=seed-legacy", "--spring.datasource.url=" + url(database)).close();
		try (Connection connection = DriverManager.getConnection(url(database));
				Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
			List<String> names = new ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString(1));
			}
			assertThat(names).containsExactly("expense", "meal", "person");
		}
		Throwable secondRun = catchThrowable(
				() -> start("--spring.profiles.active=seed-legacy", "--spring.datasource.url=" + url(database)).close());
		assertThat(secondRun).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("The database at " + url(database) + " already has tables");
	}

	private ConfigurableApplicationContext start(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(SampleApplication.class).run(all.toArray(String[]::new));
	}

	private String get(ConfigurableApplicationContext app, String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(app, path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	private String post(ConfigurableApplicationContext app, String path, String json, int expectedStatus)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(app, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expectedStatus);
		return response.body();
	}

	private static URI uri(ConfigurableApplicationContext app, String path) {
		return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
	}

	private static String url(Path database) {
		return "jdbc:sqlite:" + database;
	}

	private static List<String> history(Path database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(database));
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT version, type FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
			List<String> history = new ArrayList<>();
			while (rows.next()) {
				history.add(rows.getString(1) + " " + rows.getString(2));
			}
			return history;
		}
	}

}
