package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.RelationCache;
import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.ScriptFindings;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.dialect.UnsupportedDatabaseException;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * MariaDB, and MySQL on request: a schema is a database, one per adoption; relation keys are
 * names without the database, so that the shadow's compare with live's; shadows are temporary
 * databases on the live server; the lock is a named lock. Which server it is, is decided once, in
 * {@link #checkSupported(Connection, boolean)}, from the version string ({@link #forUrl} has no
 * connection, and Connector/J calls MariaDB "MySQL").
 */
public final class MariadbDialect implements Dialect {

	private static final String HISTORY_COLUMNS = "'installed_rank','version','description','type','script',"
			+ "'checksum','installed_by','installed_on','execution_time','success'";

	/** What the previous catalog read found: unchanged relations are shared between snapshots. */
	private final RelationCache relations = new RelationCache();

	private final MariadbSignatureReader signatureReader = new MariadbSignatureReader();

	private MariadbServer server;

	/** Live's database the replay runs for, known from {@link #checkReplaySchemas}. */
	private String replayDatabase;

	@Override
	public String name() {
		return "MariaDB";
	}

	@Override
	public Connection openInspection(LiveDatabase live, boolean readOnly) throws SQLException {
		Connection connection = live.dataSource().getConnection();
		if (!connection.getAutoCommit()) {
			connection.setAutoCommit(true);
		}
		return connection;
	}

	@Override
	public void checkSupported(Connection connection, boolean mysqlEnabled) throws SQLException {
		MariadbServer found = server(connection);
		if (!found.mariadb() && !mysqlEnabled) {
			throw new UnsupportedDatabaseException(connection.getMetaData().getURL(), "the server is MySQL "
					+ found.version() + ", and the MariaDB and MySQL dialect was tested on MariaDB only. Set"
					+ " autobaseline.mysql.enabled=true to adopt it anyway.");
		}
		if (found.mariadb() && !found.isAtLeast(10, 6)) {
			throw new IllegalStateException("Flyway Autobaseline needs MariaDB 10.6 or newer (tested on 10.11); the"
					+ " server is " + found.version() + ". Set autobaseline.enabled=false to use Spring Boot's plain"
					+ " Flyway behaviour.");
		}
	}

	private MariadbServer server(Connection connection) throws SQLException {
		if (this.server == null) {
			this.server = MariadbServer.of(connection);
		}
		return this.server;
	}

	@Override
	public String fastPathSql(String schema, String table, String appliedCondition) {
		String from = (schema != null) ? qualify(schema, table) : quote(table);
		return "SELECT COUNT(*), COALESCE(SUM(CASE WHEN success THEN 0 ELSE 1 END), 0), 1, "
				+ ((schema != null) ? "'" + schema.replace("'", "''").replace("\\", "\\\\") + "'" : "DATABASE()")
				+ " FROM " + from + " WHERE " + appliedCondition;
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
			rows.next();
			return rows.getString(1);
		}
	}

	@Override
	public boolean schemaIsDatabase() {
		return true;
	}

	@Override
	public String quote(String identifier) {
		return quoteName(identifier);
	}

	static String quoteName(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	@Override
	public String relationKey(String schema, String name) {
		return (this.server != null && this.server.lowerCaseNames()) ? name.toLowerCase(java.util.Locale.ROOT) : name;
	}

	@Override
	public String schemaOf(String relationKey) {
		return null;
	}

	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		return exists(connection, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
				+ " AND TABLE_TYPE = 'BASE TABLE'", schema, table);
	}

	@Override
	public boolean isEmptyForFlyway(Connection connection, String schema, String historyTable) throws SQLException {
		// As Flyway's MySQLSchema.doEmpty: tables, views, sequences, routines, events and triggers.
		return !exists(connection, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?"
				+ " UNION ALL SELECT 1 FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
				+ " UNION ALL SELECT 1 FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
				+ " UNION ALL SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", schema, historyTable,
				schema, schema, schema);
	}

	/**
	 * Flyway-shaped tables with rows in the same database only: the other databases of a server
	 * are usually other applications', each with a history of its own.
	 */
	@Override
	public List<String> otherHistoryTables(Connection connection, String schema, String historyTable)
			throws SQLException {
		List<String> shaped = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.COLUMNS"
				+ " WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ? AND LOWER(COLUMN_NAME) IN (" + HISTORY_COLUMNS + ")"
				+ " GROUP BY TABLE_NAME HAVING COUNT(*) = 10 ORDER BY 1")) {
			statement.setString(1, schema);
			statement.setString(2, historyTable);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					shaped.add(rows.getString(1));
				}
			}
		}
		List<String> withRows = new ArrayList<>();
		for (String table : shaped) {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT 1 FROM " + qualify(schema, table) + " LIMIT 1")) {
				if (rows.next()) {
					withRows.add(relationKey(schema, table));
				}
			}
		}
		return withRows;
	}

	@Override
	public CatalogSnapshot readCatalog(Connection connection, Collection<String> schemas) throws SQLException {
		return MariadbCatalogReader.read(connection, database(connection, schemas), server(connection), this.relations);
	}

	@Override
	public CatalogSnapshot readSignature(Connection connection, boolean objects, ColumnsWanted columnsWanted)
			throws SQLException {
		// No xmin here: re-read the listing, and the column names unless the names alone say no.
		return this.signatureReader.readSignature(connection, database(connection, null),
				server(connection).lowerCaseNames(), objects, columnsWanted);
	}

	/** The one database read: the one named, else the connection's (a shadow's). */
	private String database(Connection connection, Collection<String> schemas) throws SQLException {
		if (schemas != null && schemas.size() > 1) {
			checkReplaySchemas(new ArrayList<>(schemas));
		}
		String database = (schemas != null && !schemas.isEmpty()) ? schemas.iterator().next() : currentSchema(connection);
		if (database == null) {
			throw new SQLException("The connection has no current database, and none was named");
		}
		return database;
	}

	@Override
	public String currentUserSql() {
		return "SUBSTRING_INDEX(USER(), '@', 1)";
	}

	@Override
	public AdoptionLock adoptionLock(LiveDatabase live, Connection inspection, String historyTable, boolean dryRun)
			throws SQLException {
		String username = (live.username() != null) ? live.username() : userOf(inspection);
		return new MariadbNamedLock(new DriverManagerDataSource(live.resolveJdbcUrl(), username, live.password()),
				historyTable);
	}

	private static String userOf(Connection connection) throws SQLException {
		String user = connection.getMetaData().getUserName();
		return (user != null && user.contains("@")) ? user.substring(0, user.indexOf('@')) : user;
	}

	@Override
	public boolean isTransactional(Connection connection, String schema, String table) throws SQLException {
		return exists(connection, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
				+ " AND ENGINE = 'InnoDB'", schema, table);
	}

	@Override
	public Backup backup(Connection inspection, java.nio.file.Path directory) throws SQLException {
		String database = currentSchema(inspection);
		String tool = server(inspection).mariadb() ? "mariadb-dump" : "mysqldump";
		String name = (database != null) ? database : "<database>";
		return new Backup(null, tool + " --single-transaction --routines --triggers --events --result-file=" + name
				+ ".sql " + name);
	}

	@Override
	public void checkReplaySchemas(List<String> liveSchemas) {
		if (liveSchemas.size() > 1) {
			throw new UnsupportedDatabaseException(null, "spring.flyway.schemas and spring.flyway.default-schema name "
					+ liveSchemas.size() + " databases (" + String.join(", ", liveSchemas) + "); on MariaDB a schema is a"
					+ " database, and the starter adopts one database at a time. Give each database a Flyway of its own.");
		}
		this.replayDatabase = liveSchemas.isEmpty() ? null : liveSchemas.get(0);
	}

	@Override
	public ScriptFindings scanScripts(Configuration configuration, Map<String, String> scripts,
			List<String> liveSchemas, LiveDatabase live) throws SQLException {
		try (Connection connection = openInspection(live, true)) {
			// The sql_mode scripts start under is the session's once init-sqls ran, as on the shadow.
			if (configuration.getInitSql() != null) {
				try (java.sql.Statement statement = connection.createStatement()) {
					statement.execute(configuration.getInitSql());
				}
			}
			return MariadbScripts.scan(configuration, scripts,
					MariadbScriptScanner.forServer(connection, new java.util.HashSet<>(liveSchemas)));
		}
	}

	@Override
	public Shadow openShadow(LiveDatabase live, ShadowSettings settings, Set<String> extensionsToSkip,
			Duration timeout) throws SQLException {
		String username;
		String liveServer;
		String liveDefaults;
		List<String> limits;
		try (Connection connection = openInspection(live, true)) {
			limits = sessionLimits(server(connection), timeout);
			username = (live.username() != null) ? live.username() : userOf(connection);
			String database = (this.replayDatabase != null) ? this.replayDatabase : currentSchema(connection);
			this.replayDatabase = database;
			liveServer = MariadbProvidedShadow.serverOf(connection);
			liveDefaults = defaultsOf(connection, database);
		}
		if (settings.url() != null) {
			return MariadbProvidedShadow.open(this, liveServer, username, live.password(), settings, limits);
		}
		// A temporary shadow may use its own user too: one that may touch shadow databases only.
		String shadowUser = (settings.username() != null) ? settings.username() : username;
		String shadowPassword = (settings.username() != null) ? settings.password() : live.password();
		return MariadbTemporaryShadow.create(MariadbUrl.parse(live.resolveJdbcUrl()), shadowUser, shadowPassword,
				this.replayDatabase, liveDefaults, limits);
	}

	private static String defaultsOf(Connection connection, String database) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME,"
				+ " DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new SQLException("The live database " + database + " does not exist");
				}
				return " CHARACTER SET " + rows.getString(1) + " COLLATE " + rows.getString(2);
			}
		}
	}

	/**
	 * Session limits for every shadow connection: lock waits (metadata and row locks) fail at the
	 * timeout, statements get twice as long, so that a lock wait is reported as one. The statement
	 * limit is MariaDB's {@code max_statement_time} (seconds, every statement); MySQL has only
	 * {@code max_execution_time} (milliseconds, read-only {@code SELECT}s).
	 */
	static List<String> sessionLimits(MariadbServer server, Duration timeout) {
		if (timeout.isZero()) {
			return List.of();
		}
		long seconds = Math.max(1, timeout.toSeconds());
		String statementLimit = server.mariadb() ? "SET SESSION max_statement_time = " + (2 * seconds)
				: "SET SESSION max_execution_time = " + (2 * seconds * 1000);
		return List.of("SET SESSION lock_wait_timeout = " + seconds, "SET SESSION innodb_lock_wait_timeout = " + seconds,
				statementLimit);
	}

	/** MariaDB and MySQL: a lock wait ran past {@code innodb_lock_wait_timeout} or {@code lock_wait_timeout}. */
	private static final int LOCK_WAIT_TIMEOUT = 1205;

	/** MariaDB: a statement ran past {@code max_statement_time}. */
	private static final int STATEMENT_TIMEOUT = 1969;

	/** MySQL: a statement ran past {@code max_execution_time}. */
	private static final int QUERY_TIMEOUT = 3024;

	@Override
	public ReplayLimit replayLimitHit(SQLException failure) {
		return switch (failure.getErrorCode()) {
			case LOCK_WAIT_TIMEOUT -> ReplayLimit.LOCK_WAIT;
			case STATEMENT_TIMEOUT, QUERY_TIMEOUT -> ReplayLimit.STATEMENT;
			default -> ReplayLimit.NONE;
		};
	}

	@Override
	public String lockWaitAdvice() {
		return "A temporary shadow is the replay's own, so the lock was held by another session of the replay (a Java"
				+ " migration that opens a connection of its own) or, with autobaseline.shadow.url, by another client of"
				+ " that database: find it with SHOW PROCESSLIST, or raise autobaseline.replay.timeout.";
	}

	private static boolean exists(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

}
