package dev.autobaseline.spring.gluetest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database of one of the servers the tests use, built the way an application without Flyway
 * built it: the tables of migrations V1 and V2 with rows in them, no history table. Beside it the
 * migrations V1 to V3, as files. PostgreSQL is reached at
 * {@code AUTOBASELINE_TEST_POSTGRES_URL} (else 127.0.0.1:5432, user postgres) and MariaDB at
 * {@code AUTOBASELINE_TEST_MARIADB_URL} (else 127.0.0.1:3306, user root); an unreachable server
 * fails the test, it is never skipped. {@link #close()} drops what was created.
 */
public final class LegacyDatabase implements AutoCloseable {

	static final String[] V1 = { "CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(200) NOT NULL)" };

	static final String[] V2 = {
			"CREATE TABLE tag (id INTEGER PRIMARY KEY, note_id INTEGER NOT NULL, name VARCHAR(50) NOT NULL)" };

	static final String[] V3 = { "CREATE INDEX tag_note ON tag (note_id)" };

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final Engine engine;

	private final String name;

	private final String url;

	private final Path migrations;

	private LegacyDatabase(Engine engine, String name, String url, Path migrations) {
		this.engine = engine;
		this.name = name;
		this.url = url;
		this.migrations = migrations;
	}

	/** A legacy database at V2 with two notes and a tag, and the migrations V1 to V3 in the folder. */
	public static LegacyDatabase create(Engine engine, Path folder) throws IOException, SQLException {
		Path migrations = Files.createDirectories(folder.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_note.sql"), String.join(";\n", V1) + ";\n");
		Files.writeString(migrations.resolve("V2__create_tag.sql"), String.join(";\n", V2) + ";\n");
		Files.writeString(migrations.resolve("V3__index_tag_note.sql"), String.join(";\n", V3) + ";\n");
		String name = ("autobaseline_test_glue_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
			.toLowerCase(Locale.ROOT);
		String url = switch (engine) {
			case SQLITE -> "jdbc:sqlite:" + folder.resolve("app.db");
			case POSTGRESQL, MARIADB -> {
				engine.admin("CREATE DATABASE " + name);
				yield engine.serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
			}
		};
		LegacyDatabase database = new LegacyDatabase(engine, name, url, migrations);
		database.execute(V1);
		database.execute(V2);
		database.execute("INSERT INTO note (id, body) VALUES (1, 'first'), (2, 'second')",
				"INSERT INTO tag (id, note_id, name) VALUES (1, 2, 'kept')");
		return database;
	}

	/** {@code spring.datasource.*} and {@code spring.flyway.locations} for this database. */
	public List<String> properties() {
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + this.url,
				"spring.flyway.locations=filesystem:" + this.migrations));
		if (this.engine.user != null) {
			properties.add("spring.datasource.username=" + this.engine.user);
		}
		if (this.engine.password != null) {
			properties.add("spring.datasource.password=" + this.engine.password);
		}
		return properties;
	}

	public void execute(String... statements) throws SQLException {
		try (Connection connection = this.engine.connect(this.url); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/** Each row of a query, its columns joined with {@code |}. */
	public List<String> rows(String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.engine.connect(this.url); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					values.add(String.valueOf(result.getObject(i)));
				}
				rows.add(String.join("|", values));
			}
		}
		return rows;
	}

	/** The history Flyway keeps: version, type, success. */
	public List<String> history() throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.engine.connect(this.url); Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
			while (result.next()) {
				rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getBoolean(3));
			}
		}
		return rows;
	}

	@Override
	public void close() throws SQLException {
		if (this.engine != Engine.SQLITE) {
			this.engine.admin("DROP DATABASE IF EXISTS " + this.name
					+ ((this.engine == Engine.POSTGRESQL) ? " WITH (FORCE)" : ""));
		}
	}

	public enum Engine {

		SQLITE(null, null, null),

		POSTGRESQL(env("AUTOBASELINE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
				env("AUTOBASELINE_TEST_POSTGRES_USER", "postgres"), env("AUTOBASELINE_TEST_POSTGRES_PASSWORD", null)),

		MARIADB(env("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/"),
				env("AUTOBASELINE_TEST_MARIADB_USER", "root"), env("AUTOBASELINE_TEST_MARIADB_PASSWORD", null));

		private final String serverUrl;

		private final String user;

		private final String password;

		Engine(String serverUrl, String user, String password) {
			this.serverUrl = serverUrl;
			this.user = user;
			this.password = password;
		}

		private void admin(String sql) throws SQLException {
			try (Connection connection = connect(this.serverUrl); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		private Connection connect(String url) throws SQLException {
			Properties properties = new Properties();
			if (this.user != null) {
				properties.setProperty("user", this.user);
			}
			if (this.password != null) {
				properties.setProperty("password", this.password);
			}
			return DriverManager.getConnection(url, properties);
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value != null && !value.isEmpty()) ? value : fallback;
		}

	}

}
