package dev.autobaseline.dialect.postgresql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.JdbcUrls;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowUnavailableException;
import dev.autobaseline.log.EngineLog;

/**
 * A temporary database on the live server, made from {@code template0} with live's encoding,
 * locale, database settings and extensions, and always dropped.
 * <p>
 * Its name says when it was made and whose it is:
 * {@code autobaseline_shadow_<epoch seconds>_<owner><key>}, where {@code owner} is the first 8 hex
 * digits of {@code md5(<live database name>)} and {@code key} the 8 hex digits of the advisory
 * lock (class id {@link PostgresqlAdvisoryLock#TEMPORARY_SHADOW}) its creator holds in live's
 * database from before {@code CREATE DATABASE} until after {@code DROP DATABASE}; its comment
 * names the live database. A shadow whose lock nobody holds, in any database of the server, was
 * left by a process that died: the next one to make a shadow drops it, however young.
 */
final class PostgresqlTemporaryShadow implements Shadow {

	private static final EngineLog logger = EngineLog.of(PostgresqlTemporaryShadow.class);

	static final String NAME_PREFIX = "autobaseline_shadow_";

	/** Names of this kind, as a PostgreSQL regular expression: the last 8 hex digits are the lock's key. */
	private static final String NAME = "^" + NAME_PREFIX + "[0-9]+_[0-9a-f]{16}$";

	private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final LiveDatabase live;

	private final String name;

	private final DataSource dataSource;

	/** The session in live's database that holds this shadow's lock until it is dropped. */
	private final Connection ownerSession;

	/** A session inside the shadow that holds {@link PostgresqlAdvisoryLock#SHADOW} for earlier builds. */
	private Connection shadowSession;

	private PostgresqlTemporaryShadow(LiveDatabase live, String name, DataSource dataSource, Connection ownerSession) {
		this.live = live;
		this.name = name;
		this.dataSource = dataSource;
		this.ownerSession = ownerSession;
	}

	static PostgresqlTemporaryShadow create(LiveDatabase live, Set<String> extensionsToSkip, Duration timeout)
			throws SQLException {
		String liveUrl = live.resolveJdbcUrl();
		Connection ownerSession = null;
		String name;
		List<String> extensions;
		try (Connection admin = live.dataSource().getConnection()) {
			admin.setAutoCommit(true);
			// The lock comes first: whoever sees the database from now on sees it held.
			ownerSession = new DriverManagerDataSource(liveUrl, live.username(), live.password()).getConnection();
			ownerSession.setAutoCommit(true);
			name = NAME_PREFIX + (System.currentTimeMillis() / 1000) + "_" + ownerTag(admin) + lockOwnName(ownerSession);
			dropAbandoned(admin);
			createDatabase(admin, name);
			extensions = liveExtensions(admin, extensionsToSkip);
		}
		catch (SQLException ex) {
			closeQuietly(ownerSession);
			throw new ShadowUnavailableException("could not create a temporary shadow database on the live server ("
					+ ex.getMessage() + "). Grant the application's role CREATEDB, or set autobaseline.shadow.url"
					+ " to an empty database it may use", ex);
		}
		String url = replaceDatabase(liveUrl, name);
		PostgresqlTemporaryShadow shadow = new PostgresqlTemporaryShadow(live, name,
				new DriverManagerDataSource(url, live.username(), live.password(), sessionLimits(timeout)),
				ownerSession);
		try {
			shadow.shadowSession = shadow.dataSource.getConnection();
			shadow.shadowSession.setAutoCommit(true);
			try (Statement statement = shadow.shadowSession.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + PostgresqlAdvisoryLock.SHADOW + ", 0)");
				for (String extension : extensions) {
					statement.execute("CREATE EXTENSION IF NOT EXISTS " + quote(extension));
				}
			}
		}
		catch (SQLException ex) {
			shadow.close();
			throw new ShadowUnavailableException("could not prepare the temporary shadow database " + name + " ("
					+ ex.getMessage() + "). Set autobaseline.shadow.url to an empty database the application may use",
					ex);
		}
		return shadow;
	}

	/** The first 8 hex digits of md5 of live's name: whose shadow it is, also to an operator. */
	private static String ownerTag(Connection admin) throws SQLException {
		try (Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT left(pg_catalog.md5(pg_catalog.current_database()), 8)")) {
			rows.next();
			return rows.getString(1);
		}
	}

	/** Takes a free key of the shadow lock class in live's database; returns it as 8 hex digits. */
	private static String lockOwnName(Connection ownerSession) throws SQLException {
		while (true) {
			int key = RANDOM.nextInt();
			if (new PostgresqlAdvisoryLock(null, PostgresqlAdvisoryLock.TEMPORARY_SHADOW, key).tryLock(ownerSession)) {
				return String.format("%08x", key);
			}
		}
	}

	/**
	 * Session limits for every shadow connection: a replay that waits on a lock (a concurrent
	 * index behind Flyway's own transaction) fails instead of hanging.
	 */
	static List<String> sessionLimits(Duration timeout) {
		// Lock waits fail at the timeout; other statements get twice as long, so that a lock wait
		// is reported as one.
		long millis = timeout.toMillis();
		return List.of("SET lock_timeout = " + millis, "SET statement_timeout = " + (2 * millis));
	}

	/**
	 * Drops temporary shadows left by processes that died: those whose key no session of the
	 * server holds, with a plain DROP DATABASE (never FORCE). A shadow listed here was created
	 * after its creator took the lock, and the creator releases it only after the drop, so a free
	 * key means a dead creator, whatever the shadow's age. Roles that may not drop a shadow leave
	 * it to one that may.
	 */
	private static void dropAbandoned(Connection admin) {
		List<String> abandoned = new ArrayList<>();
		// The database list is read with the statement's snapshot, pg_locks after it: a shadow
		// created before the snapshot had its key locked before, so a free key is not a creator
		// between its lock and its CREATE DATABASE.
		try (Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT d.datname FROM pg_catalog.pg_database d"
						+ " WHERE d.datname ~ '" + NAME + "' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l"
						+ " WHERE l.locktype = 'advisory' AND l.objsubid = 2 AND l.classid::bigint = "
						+ Integer.toUnsignedLong(PostgresqlAdvisoryLock.TEMPORARY_SHADOW)
						+ " AND l.objid::bigint = ('x' || right(d.datname, 8))::bit(32)::bigint)")) {
			while (rows.next()) {
				abandoned.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not list leftover shadow databases: " + ex);
			return;
		}
		for (String leftover : abandoned) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + quote(leftover));
				logger.info("autobaseline: dropped the shadow database \"" + leftover
						+ "\" that a stopped process left behind");
			}
			catch (SQLException ex) {
				// Another role's, or a dead process's session still closing: left for a later adoption.
				logger.debug("Could not drop the leftover shadow database " + leftover + "; left for later: " + ex);
			}
		}
	}

	private static void createDatabase(Connection admin, String name) throws SQLException {
		String encoding;
		String collate;
		String ctype;
		String liveName;
		try (Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_catalog.pg_encoding_to_char(encoding), datcollate, datctype,"
						+ " datname FROM pg_catalog.pg_database WHERE datname = current_database()")) {
			rows.next();
			encoding = rows.getString(1);
			collate = rows.getString(2);
			ctype = rows.getString(3);
			liveName = rows.getString(4);
		}
		List<String> settings = new ArrayList<>();
		try (Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT unnest(s.setconfig) FROM pg_catalog.pg_db_role_setting s"
						+ " JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase"
						+ " WHERE d.datname = current_database() AND s.setrole = 0")) {
			while (rows.next()) {
				settings.add(rows.getString(1));
			}
		}
		try (Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0 ENCODING " + literal(encoding)
					+ " LC_COLLATE " + literal(collate) + " LC_CTYPE " + literal(ctype));
			// Whose it is, for an operator listing databases (\l+): the name holds md5 of the same.
			statement.execute("COMMENT ON DATABASE " + quote(name) + " IS " + literal("Flyway Autobaseline: temporary"
					+ " shadow of database " + quote(liveName) + ", dropped when its replay ends; left over when no"
					+ " session holds its advisory lock (pg_locks.classid = "
					+ Integer.toUnsignedLong(PostgresqlAdvisoryLock.TEMPORARY_SHADOW) + ", objid = "
					+ Long.parseLong(name.substring(name.length() - 8), 16) + ")"));
			for (String setting : settings) {
				int equals = setting.indexOf('=');
				String parameter = setting.substring(0, equals);
				String value = setting.substring(equals + 1);
				// List-valued settings (search_path) are stored ready to paste; others are one literal.
				boolean list = value.contains(",") || value.contains("\"");
				statement.execute("ALTER DATABASE " + quote(name) + " SET " + quote(parameter) + " = "
						+ (list ? value : literal(value)));
			}
		}
	}

	private static List<String> liveExtensions(Connection admin, Set<String> skip) throws SQLException {
		List<String> extensions = new ArrayList<>();
		try (Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT e.extname FROM pg_catalog.pg_extension e"
						+ " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace"
						+ " WHERE e.extname <> 'plpgsql' AND n.nspname = 'public' ORDER BY e.extname")) {
			while (rows.next()) {
				if (!skip.contains(rows.getString(1))) {
					extensions.add(rows.getString(1));
				}
			}
		}
		return extensions;
	}

	static String replaceDatabase(String jdbcUrl, String database) {
		Matcher matcher = URL.matcher(jdbcUrl);
		if (!matcher.matches()) {
			throw new ShadowUnavailableException("cannot derive a shadow database URL from " + JdbcUrls.redact(jdbcUrl)
					+ ". Use a jdbc:postgresql://host[:port]/database URL or set autobaseline.shadow.url", null);
		}
		return matcher.group(1) + database + matcher.group(3);
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String description() {
		return "temporary shadow database \"" + this.name + "\"";
	}

	@Override
	public void close() {
		closeQuietly(this.shadowSession);
		try {
			drop();
		}
		finally {
			// Only after the drop: until then the lock tells others the shadow is in use.
			closeQuietly(this.ownerSession);
		}
	}

	private void drop() {
		SQLException last = null;
		for (int attempt = 0; attempt < 20; attempt++) {
			try (Connection admin = this.live.dataSource().getConnection(); Statement statement = admin.createStatement()) {
				admin.setAutoCommit(true);
				statement.execute("DROP DATABASE IF EXISTS " + quote(this.name));
				return;
			}
			catch (SQLException ex) {
				// 55006: a connection of the replay is still closing.
				last = ex;
				sleep();
			}
		}
		throw new ShadowUnavailableException("could not drop the temporary shadow database " + this.name
				+ "; drop it by hand with DROP DATABASE \"" + this.name + "\"", last);
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closing the session releases its locks anyway; a drop fails visibly if it lingers.
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
