package dev.autobaseline.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The migration job on a MariaDB database created for this class and dropped after it; each
 * test starts from an empty database. The job is the one the README shows, with a
 * {@code jdbc:mariadb:} URL: the sample's jar carries the driver and {@code flyway-mysql}.
 */
class MariadbMigrationJobTests extends AbstractMigrationJobTests {

	private static MariadbTestServer.TestDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = MariadbTestServer.createDatabase("autobaseline_sample_job");
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.drop();
		}
	}

	@BeforeEach
	void emptyDatabase() throws SQLException {
		try (Connection connection = MariadbTestServer.connect(MariadbTestServer.URL);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE " + database.name());
			statement.execute("CREATE DATABASE " + database.name());
		}
	}

	@Override
	String url() {
		return database.url();
	}

	@Override
	List<String> credentialArguments() {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.username=" + MariadbTestServer.USER));
		if (!MariadbTestServer.PASSWORD.isEmpty()) {
			arguments.add("--spring.datasource.password=" + MariadbTestServer.PASSWORD);
		}
		return arguments;
	}

	@Override
	Connection connect() {
		return database.connect();
	}

	/**
	 * Every column and row of the test database, and the temporary shadow databases a replay
	 * left behind on the server.
	 */
	@Override
	String fingerprint() throws SQLException {
		StringBuilder fingerprint = new StringBuilder();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			append(fingerprint, statement, """
					SELECT table_name, column_name, column_type, is_nullable, column_default
					FROM information_schema.columns WHERE table_schema = DATABASE()
					ORDER BY table_name, ordinal_position""");
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
					+ " WHERE table_schema = DATABASE() ORDER BY 1")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			for (String table : tables) {
				append(fingerprint, statement, "SELECT * FROM `" + table + "` ORDER BY 1");
			}
		}
		fingerprint.append("shadow databases left behind: ").append(shadowsLeftBehind()).append('\n');
		return fingerprint.toString();
	}

	/**
	 * Temporary shadow databases of this class's database still on the server: left behind (a
	 * shadow's name holds six hex digits of SHA-1 of its live database's name, so other runs'
	 * shadows on the same server are not counted). A few seconds are allowed for a drop that is
	 * still under way.
	 */
	private static List<String> shadowsLeftBehind() throws SQLException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
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
		try (Connection connection = MariadbTestServer.connect(MariadbTestServer.URL);
				PreparedStatement statement = connection.prepareStatement("SELECT schema_name"
						+ " FROM information_schema.schemata WHERE schema_name LIKE ? ORDER BY 1")) {
			statement.setString(1, "autobaseline\\_shadow\\_%\\_" + owner(live) + "\\_%");
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					shadows.add(rows.getString(1));
				}
			}
		}
		return shadows;
	}

	/** As the starter names a shadow's owner: the first six hex digits of SHA-1 of live's name. */
	private static String owner(String live) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(live.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
