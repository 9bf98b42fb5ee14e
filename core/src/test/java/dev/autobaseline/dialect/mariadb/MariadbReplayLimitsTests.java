package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import dev.autobaseline.dialect.Dialect.ReplayLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * On the real MariaDB server: the session limits a shadow connection gets from
 * {@code autobaseline.replay.timeout} cut lock waits and long statements, and the dialect tells
 * the two apart from any other failure. A scratch database named with this process's id is
 * dropped after each test.
 */
class MariadbReplayLimitsTests {

	private static final String URL = env("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");

	private final String scratch = "ablimits_" + ProcessHandle.current().pid();

	private final MariadbDialect dialect = new MariadbDialect();

	private MariadbServer server;

	@BeforeEach
	void createScratchDatabase() throws SQLException {
		try (Connection admin = connect(""); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + this.scratch);
			statement.execute("CREATE TABLE " + this.scratch + ".t (id int PRIMARY KEY, n int) ENGINE=InnoDB");
			statement.execute("INSERT INTO " + this.scratch + ".t VALUES (1, 0)");
			this.server = MariadbServer.of(admin);
		}
	}

	@AfterEach
	void dropScratchDatabase() throws SQLException {
		try (Connection admin = connect(""); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.scratch);
		}
	}

	@Test
	void aRowLockWaitPastTheTimeoutIsALockWait() throws SQLException {
		try (Connection holder = connect(this.scratch); Connection replay = limited(Duration.ofSeconds(1))) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.executeQuery("SELECT n FROM t WHERE id = 1 FOR UPDATE").close();
			}
			SQLException failure = failureOf(replay, "UPDATE t SET n = 1 WHERE id = 1");
			assertThat(this.dialect.replayLimitHit(failure)).as(failure.getMessage()).isEqualTo(ReplayLimit.LOCK_WAIT);
			holder.rollback();
		}
	}

	@Test
	void aMetadataLockWaitPastTheTimeoutIsALockWait() throws SQLException {
		// An open transaction that read the table holds its metadata lock: DDL waits for lock_wait_timeout.
		try (Connection holder = connect(this.scratch); Connection replay = limited(Duration.ofSeconds(1))) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.executeQuery("SELECT n FROM t").close();
			}
			SQLException failure = failureOf(replay, "ALTER TABLE t ADD COLUMN m int");
			assertThat(this.dialect.replayLimitHit(failure)).as(failure.getMessage()).isEqualTo(ReplayLimit.LOCK_WAIT);
			holder.rollback();
		}
	}

	@Test
	void aStatementRunningPastTwiceTheTimeoutIsAStatementLimit() throws SQLException {
		try (Connection replay = limited(Duration.ofSeconds(1))) {
			SQLException failure = failureOf(replay, "SELECT SLEEP(10)");
			assertThat(this.dialect.replayLimitHit(failure)).as(failure.getMessage()).isEqualTo(ReplayLimit.STATEMENT);
		}
	}

	@Test
	void anyOtherFailureIsNoLimit() throws SQLException {
		try (Connection replay = limited(Duration.ofSeconds(1))) {
			SQLException failure = failureOf(replay, "INSERT INTO t VALUES (1, 1)");
			assertThat(this.dialect.replayLimitHit(failure)).as(failure.getMessage()).isEqualTo(ReplayLimit.NONE);
		}
	}

	@Test
	void aZeroTimeoutSetsNoLimit() {
		assertThat(MariadbDialect.sessionLimits(this.server, Duration.ZERO)).isEmpty();
	}

	@Test
	void mysqlGetsItsOwnStatementLimitBecauseMaxStatementTimeIsMariadbs() {
		MariadbServer mysql = MariadbServer.of("8.4.3", 0);
		assertThat(MariadbDialect.sessionLimits(mysql, Duration.ofSeconds(3))).contains(
				"SET SESSION max_execution_time = 6000").noneMatch((limit) -> limit.contains("max_statement_time"));
	}

	private Connection limited(Duration timeout) throws SQLException {
		Connection connection = connect(this.scratch);
		try (Statement statement = connection.createStatement()) {
			for (String limit : MariadbDialect.sessionLimits(this.server, timeout)) {
				statement.execute(limit);
			}
		}
		return connection;
	}

	private static SQLException failureOf(Connection connection, String sql) {
		return catchThrowableOfType(SQLException.class, () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		});
	}

	private static Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", env("AUTOBASELINE_TEST_MARIADB_USER", "root"));
		String password = env("AUTOBASELINE_TEST_MARIADB_PASSWORD", null);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), properties);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
