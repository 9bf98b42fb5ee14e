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
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.dialect.ShadowUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A temporary database on the live server, made from {@code template0} with live's encoding,
 * locale, database settings and extensions, and always dropped. While the replay runs, a session
 * inside it holds an advisory lock: a shadow whose lock is free was left by a killed process.
 */
final class PostgresqlTemporaryShadow implements Shadow {

	private static final Log logger = LogFactory.getLog(PostgresqlTemporaryShadow.class);

	static final String NAME_PREFIX = "autobaseline_shadow_";

	private static final Pattern NAME = Pattern.compile("^" + NAME_PREFIX + "(\\d+)_[0-9a-f]+$");

	private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final LiveDatabase live;

	private final String name;

	private final DataSource dataSource;

	private Connection lockSession;

	private PostgresqlTemporaryShadow(LiveDatabase live, String name, DataSource dataSource) {
		this.live = live;
		this.name = name;
		this.dataSource = dataSource;
	}

	static PostgresqlTemporaryShadow create(LiveDatabase live, Set<String> extensionsToSkip, ShadowSettings settings,
			Duration timeout) throws SQLException {
		String name = NAME_PREFIX + (System.currentTimeMillis() / 1000) + "_"
				+ Integer.toHexString(RANDOM.nextInt() & 0xffffff);
		String liveUrl = live.resolveJdbcUrl();
		List<String> extensions;
		try (Connection admin = live.dataSource().getConnection()) {
			admin.setAutoCommit(true);
			dropAbandoned(admin, live, liveUrl, settings.leftoverMinAge());
			createDatabase(admin, name);
			extensions = liveExtensions(admin, extensionsToSkip);
		}
		catch (SQLException ex) {
			throw new ShadowUnavailableException("could not create a temporary shadow database on the live server ("
					+ ex.getMessage() + "). Grant the application's role CREATEDB, or set autobaseline.shadow.url"
					+ " to an empty database it may use", ex);
		}
		String url = replaceDatabase(liveUrl, name);
		PostgresqlTemporaryShadow shadow = new PostgresqlTemporaryShadow(live, name,
				new DriverManagerDataSource(url, live.username(), live.password(), sessionLimits(timeout)));
		try {
			shadow.lockSession = shadow.dataSource.getConnection();
			shadow.lockSession.setAutoCommit(true);
			try (Statement statement = shadow.lockSession.createStatement()) {
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
	 * Drops temporary shadows left by killed processes: only those older than the minimum age
	 * whose advisory lock is free, with a plain DROP DATABASE (never FORCE: another instance's
	 * running replay is never killed).
	 */
	private static void dropAbandoned(Connection admin, LiveDatabase live, String liveUrl, Duration minAge) {
		long now = System.currentTimeMillis() / 1000;
		List<String> candidates = new ArrayList<>();
		try (Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT datname FROM pg_catalog.pg_database"
						+ " WHERE datname LIKE 'autobaseline\\_shadow\\_%'")) {
			while (rows.next()) {
				Matcher matcher = NAME.matcher(rows.getString(1));
				if (matcher.matches() && now - Long.parseLong(matcher.group(1)) >= minAge.toSeconds()) {
					candidates.add(rows.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not list leftover shadow databases", ex);
			return;
		}
		for (String leftover : candidates) {
			if (isAbandoned(live, liveUrl, leftover)) {
				try (Statement statement = admin.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS " + quote(leftover));
					logger.info("autobaseline: dropped the shadow database \"" + leftover
							+ "\" that a stopped process left behind");
				}
				catch (SQLException ex) {
					logger.debug("Leftover shadow database " + leftover + " is in use; left for later", ex);
				}
			}
		}
	}

	private static boolean isAbandoned(LiveDatabase live, String liveUrl, String leftover) {
		DataSource dataSource = new DriverManagerDataSource(replaceDatabase(liveUrl, leftover), live.username(),
				live.password());
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_try_advisory_lock(" + PostgresqlAdvisoryLock.SHADOW
						+ ", 0)")) {
			// The session closes right after: taking the lock here only proves nobody holds it.
			return rows.next() && rows.getBoolean(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void createDatabase(Connection admin, String name) throws SQLException {
		String encoding;
		String collate;
		String ctype;
		try (Statement statement = admin.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_catalog.pg_encoding_to_char(encoding), datcollate, datctype"
						+ " FROM pg_catalog.pg_database WHERE datname = current_database()")) {
			rows.next();
			encoding = rows.getString(1);
			collate = rows.getString(2);
			ctype = rows.getString(3);
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
		if (this.lockSession != null) {
			try {
				this.lockSession.close();
			}
			catch (SQLException ex) {
				// The drop below fails visibly if the session lingers.
			}
		}
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
