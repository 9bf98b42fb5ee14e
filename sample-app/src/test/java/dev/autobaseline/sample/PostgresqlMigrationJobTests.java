package dev.autobaseline.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The migration job on a PostgreSQL database created for this class and
 * dropped after it; each test starts from an empty {@code public} schema.
 */
class PostgresqlMigrationJobTests extends AbstractMigrationJobTests {

	private static PostgresTestServer.TestDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = PostgresTestServer.createDatabase("autobaseline_sample_job");
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.drop();
		}
	}

	@BeforeEach
	void emptyPublicSchema() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
	}

	@Override
	String url() {
		return database.url();
	}

	@Override
	List<String> credentialArguments() {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.username=" + PostgresTestServer.USER));
		if (!PostgresTestServer.PASSWORD.isEmpty()) {
			arguments.add("--spring.datasource.password=" + PostgresTestServer.PASSWORD);
		}
		return arguments;
	}

	@Override
	Connection connect() {
		return database.connect();
	}

	/**
	 * Every schema, column and row of the test database, and the temporary shadow
	 * databases a replay left behind on the server.
	 */
	@Override
	String fingerprint() throws SQLException {
		StringBuilder fingerprint = new StringBuilder();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			append(fingerprint, statement, "SELECT nspname FROM pg_namespace ORDER BY 1");
			append(fingerprint, statement, """
					SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default
					FROM information_schema.columns
					WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
					ORDER BY table_schema, table_name, ordinal_position""");
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery(
					"SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				append(fingerprint, statement, "SELECT * FROM public." + table + " ORDER BY 1");
			}
		}
		fingerprint.append("shadow databases left behind: ").append(shadowsLeftBehind()).append('\n');
		return fingerprint.toString();
	}

	/**
	 * Temporary shadow databases of this class's database still on the server: left behind (a
	 * shadow's name holds md5 of its live database's name, so other runs' shadows on the same
	 * server are not counted). A few seconds are allowed for a drop that is still under way.
	 */
	private static List<String> shadowsLeftBehind() throws SQLException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
		List<String> shadows = shadowsOf(database.name());
		while (!shadows.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			shadows = shadowsOf(database.name());
		}
		return shadows;
	}

	private static List<String> shadowsOf(String live) throws SQLException {
		List<String> shadows = new ArrayList<>();
		try (Connection connection = PostgresTestServer.connect(PostgresTestServer.URL);
				java.sql.PreparedStatement statement = connection.prepareStatement("SELECT datname FROM pg_database"
						+ " WHERE datname ~ '^autobaseline_shadow_[0-9]+_[0-9a-f]{16}$'"
						+ " AND substr(datname, length(datname) - 15, 8) = left(md5(?), 8) ORDER BY 1")) {
			statement.setString(1, live);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					shadows.add(rows.getString(1));
				}
			}
		}
		return shadows;
	}

	private static void append(StringBuilder fingerprint, Statement statement, String query) throws SQLException {
		fingerprint.append(query).append('\n');
		try (ResultSet rows = statement.executeQuery(query)) {
			ResultSetMetaData metaData = rows.getMetaData();
			while (rows.next()) {
				for (int column = 1; column <= metaData.getColumnCount(); column++) {
					fingerprint.append(rows.getString(column)).append('|');
				}
				fingerprint.append('\n');
			}
		}
	}

}
