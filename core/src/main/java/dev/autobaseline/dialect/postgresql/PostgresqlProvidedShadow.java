package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.JdbcUrls;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.dialect.ShadowUnavailableException;
import dev.autobaseline.log.EngineLog;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;

/**
 * A shadow database the user provides with {@code autobaseline.shadow.url}: never the live one,
 * empty when a replay starts, cleaned by the replay afterwards.
 * <p>
 * Before the replay's first migration it writes a marker, the table
 * {@value #MARKER_SCHEMA}.{@value #MARKER_TABLE}, and it drops the marker only once the shadow is
 * empty again. A shadow that holds the marker was left by a replay that did not finish (a killed
 * process): it is cleaned and used, but only when every object in it is owned by the shadow's
 * role, as everything the replay makes is. Without the marker, a shadow with objects is someone
 * else's and is refused, whatever it holds.
 */
final class PostgresqlProvidedShadow implements Shadow {

	private static final EngineLog logger = EngineLog.of(PostgresqlProvidedShadow.class);

	/** The marker's schema; catalog reads leave it out ({@link PostgresqlDialect#USER_SCHEMAS}). */
	static final String MARKER_SCHEMA = "autobaseline_shadow";

	static final String MARKER_TABLE = "replay_started";

	private final PostgresqlDialect dialect;

	private final DriverManagerDataSource dataSource;

	private final Connection lockSession;

	private PostgresqlProvidedShadow(PostgresqlDialect dialect, DriverManagerDataSource dataSource,
			Connection lockSession) {
		this.dialect = dialect;
		this.dataSource = dataSource;
		this.lockSession = lockSession;
	}

	static PostgresqlProvidedShadow open(PostgresqlDialect dialect, LiveDatabase live, ShadowSettings settings,
			java.time.Duration timeout) {
		String username = (settings.username() != null) ? settings.username() : live.username();
		String password = (settings.password() != null) ? settings.password() : live.password();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.url(), username, password,
				PostgresqlTemporaryShadow.sessionLimits(timeout));
		String url = JdbcUrls.redact(settings.url());
		Connection lockSession = null;
		try {
			lockSession = dataSource.getConnection();
			lockSession.setAutoCommit(true);
			// Before anything else, whatever the database holds: the shadow is cleaned, live never.
			if (identity(lockSession).equals(liveIdentity(live))) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + url + " is the live database (the"
						+ " same database on the same server); it must point at another, empty database used for"
						+ " nothing else", null);
			}
			// One replay at a time in a shared shadow: another instance's replay holds this lock.
			if (!new PostgresqlAdvisoryLock(dataSource, PostgresqlAdvisoryLock.SHADOW, 0).tryLock(lockSession)) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + url
						+ " is in use by another instance's replay; retry, or give each instance its own shadow", null);
			}
			if (hasMarker(lockSession)) {
				cleanLeftover(dialect, dataSource, lockSession, url);
			}
			if (!isEmpty(dialect, lockSession)) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + url + " is not empty and holds no"
						+ " marker of an interrupted replay; it must point at an empty database used for nothing"
						+ " else (never the live one)", null);
			}
			writeMarker(lockSession, url);
			return new PostgresqlProvidedShadow(dialect, dataSource, lockSession);
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(lockSession);
			if (ex instanceof ShadowUnavailableException unavailable) {
				throw unavailable;
			}
			throw new ShadowUnavailableException("cannot connect to autobaseline.shadow.url " + url + " ("
					+ ex.getMessage() + ")", ex);
		}
	}

	/**
	 * A database's identity on its server: its oid and name, and when the server started (two
	 * servers may share a database's oid and name, not also the moment their postmaster started).
	 */
	private static String identity(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT d.oid::text || '/' || d.datname || '@'"
						+ " || pg_catalog.pg_postmaster_start_time()::text FROM pg_catalog.pg_database d"
						+ " WHERE d.datname = pg_catalog.current_database()")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static String liveIdentity(LiveDatabase live) throws SQLException {
		try (Connection connection = live.dataSource().getConnection()) {
			return identity(connection);
		}
	}

	private static boolean isEmpty(PostgresqlDialect dialect, Connection connection) throws SQLException {
		return dialect.isEmptyForFlyway(connection, dialect.currentSchema(connection), "")
				&& dialect.readCatalog(connection).isEmpty();
	}

	private static boolean hasMarker(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_catalog.to_regclass('" + MARKER_SCHEMA + "."
						+ MARKER_TABLE + "') IS NOT NULL")) {
			rows.next();
			return rows.getBoolean(1);
		}
	}

	/**
	 * Cleans what an interrupted replay left, with Flyway's clean of every schema that holds an
	 * object, once every object there is the shadow role's: an object of another role is not the
	 * replay's, and the shadow is refused.
	 */
	private static void cleanLeftover(PostgresqlDialect dialect, DataSource dataSource, Connection connection,
			String url) throws SQLException {
		List<String> foreign = rows(connection, "SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c"
				+ " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
				+ " AND c.relowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) AND "
				+ PostgresqlDialect.USER_SCHEMAS + " AND " + notExtensionMember("c.oid")
				+ " UNION ALL SELECT n.nspname || '.' || p.proname || '()' FROM pg_catalog.pg_proc p"
				+ " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
				+ " WHERE p.proowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) AND "
				+ PostgresqlDialect.USER_SCHEMAS + " AND " + notExtensionMember("p.oid")
				+ " UNION ALL SELECT n.nspname || '.' || t.typname FROM pg_catalog.pg_type t"
				+ " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('e', 'd', 'r', 'm')"
				+ " AND t.typowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) AND "
				+ PostgresqlDialect.USER_SCHEMAS + " AND " + notExtensionMember("t.oid") + " ORDER BY 1 LIMIT 10");
		if (!foreign.isEmpty()) {
			throw new ShadowUnavailableException("autobaseline.shadow.url " + url + " holds the marker of an"
					+ " interrupted replay, but also objects of another role, which the replay did not make ("
					+ String.join(", ", foreign) + "); it was left alone. Empty it, or point autobaseline.shadow.url"
					+ " at another empty database", null);
		}
		List<String> schemas = rows(connection, "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE "
				+ PostgresqlDialect.USER_SCHEMAS + " AND (EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
				+ " WHERE c.relnamespace = n.oid) OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace"
				+ " = n.oid) OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typnamespace = n.oid"
				+ " AND t.typtype IN ('e', 'd', 'r', 'm'))) ORDER BY n.nspname");
		if (!schemas.isEmpty()) {
			try {
				Flyway.configure(PostgresqlProvidedShadow.class.getClassLoader())
					.dataSource(dataSource)
					.schemas(schemas.toArray(String[]::new))
					.defaultSchema(schemas.get(0))
					.cleanDisabled(false)
					.skipDefaultCallbacks(true)
					.callbacks(new Callback[0])
					.load()
					.clean();
			}
			catch (RuntimeException ex) {
				throw new ShadowUnavailableException("could not clean autobaseline.shadow.url " + url + ", which an"
						+ " interrupted replay left non-empty (" + ex.getMessage() + "); empty it by hand", ex);
			}
		}
		if (!isEmpty(dialect, connection)) {
			throw new ShadowUnavailableException("autobaseline.shadow.url " + url + " still holds objects after"
					+ " cleaning what an interrupted replay left; empty it by hand", null);
		}
		logger.info("autobaseline: cleaned the shadow database " + url + " that an interrupted replay left behind"
				+ (schemas.isEmpty() ? "" : " (schemas " + String.join(", ", schemas) + ")"));
	}

	private static String notExtensionMember(String oid) {
		return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = " + oid + " AND d.deptype = 'e')";
	}

	/** Writes the marker, in autocommit, before the replay's first migration. */
	private static void writeMarker(Connection connection, String url) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + MARKER_SCHEMA);
			statement.execute("CREATE TABLE IF NOT EXISTS " + MARKER_SCHEMA + "." + MARKER_TABLE
					+ " (started_at timestamptz NOT NULL DEFAULT now(), started_by text NOT NULL DEFAULT current_user)");
			statement.execute("INSERT INTO " + MARKER_SCHEMA + "." + MARKER_TABLE + " DEFAULT VALUES");
		}
		catch (SQLException ex) {
			if (!"42501".equals(ex.getSQLState())) {
				throw ex;
			}
			// Without the marker the replay still runs, but a killed one leaves a shadow every later
			// boot refuses as not empty.
			logger.warn("autobaseline: could not mark autobaseline.shadow.url " + url + " as used by a replay ("
					+ ex.getMessage() + "); grant the shadow's role CREATE on that database, or a replay killed"
					+ " mid-way leaves it for you to empty by hand");
		}
	}

	private static List<String> rows(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closing the session releases its lock.
			}
		}
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String description() {
		return "shadow database " + JdbcUrls.redact(this.dataSource.url());
	}

	@Override
	public boolean cleanAfterUse() {
		return true;
	}

	/** Drops the marker once the replay's clean left the shadow empty; otherwise keeps it for the next boot. */
	@Override
	public void close() {
		try {
			if (hasMarker(this.lockSession) && isEmpty(this.dialect, this.lockSession)) {
				try (Statement statement = this.lockSession.createStatement()) {
					statement.execute("DROP TABLE " + MARKER_SCHEMA + "." + MARKER_TABLE);
					// Not CASCADE: anything else in the schema is not ours.
					statement.execute("DROP SCHEMA " + MARKER_SCHEMA);
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not remove the replay marker from the provided shadow; the next replay cleans it: " + ex);
		}
		finally {
			closeQuietly(this.lockSession);
		}
	}

}
