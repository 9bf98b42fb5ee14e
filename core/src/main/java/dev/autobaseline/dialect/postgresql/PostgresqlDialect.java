package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.RelationCache;
import javax.sql.DataSource;

import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;

/**
 * PostgreSQL: exact names qualified by schema, extension members left out, shadows as
 * temporary databases on the same server.
 */
public final class PostgresqlDialect implements Dialect {

	/** User schemas: neither system ones nor the marker a replay writes into a provided shadow. */
	static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', '"
			+ PostgresqlProvidedShadow.MARKER_SCHEMA + "') AND n.nspname NOT LIKE 'pg\\_%'";

	/** What earlier catalog reads of this boot found: unchanged relations are shared between snapshots. */
	private final PostgresqlCatalogReader catalogReader = new PostgresqlCatalogReader(new RelationCache());

	private final PostgresqlSignatureReader signatureReader = new PostgresqlSignatureReader();

	/** How long an inspection statement may wait for a lock before it fails. */
	static final long INSPECTION_LOCK_TIMEOUT_MILLIS = 30_000;

	private static final Pattern EXTENSION_EXISTS = Pattern.compile("extension \"([^\"]+)\" already exists");

	@Override
	public String name() {
		return "PostgreSQL";
	}

	@Override
	public Connection openInspection(LiveDatabase live, boolean readOnly) throws SQLException {
		Connection connection = live.dataSource().getConnection();
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			// Autocommit (no snapshot or lock kept between statements) and a bounded wait for any lock.
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET lock_timeout = " + INSPECTION_LOCK_TIMEOUT_MILLIS);
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		// The connection goes back to the application's pool: reset the setting on close.
		return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if ("close".equals(method.getName()) && !connection.isClosed()) {
						try (Statement statement = connection.createStatement()) {
							statement.execute("RESET lock_timeout");
						}
						catch (SQLException ex) {
							// The pool validates or discards a broken connection.
						}
					}
					try {
						return method.invoke(connection, args);
					}
					catch (java.lang.reflect.InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				});
	}

	@Override
	public Connection openFastPath(LiveDatabase live, boolean readOnly) throws SQLException {
		// One read of the history table, in autocommit: no session setting to set and reset.
		return live.dataSource().getConnection();
	}

	@Override
	public String fastPathSql(String schema, String table, String appliedCondition) {
		if (schema != null) {
			return Dialect.super.fastPathSql(schema, table, appliedCondition);
		}
		// Unqualified, the name resolves through search_path; Flyway uses current_schema(): count
		// the rows only as Flyway's when both are the same table (two name look-ups, no join to plan).
		String quoted = quote(table);
		String literal = quoted.replace("'", "''");
		return "SELECT COUNT(*), COALESCE(SUM(CASE WHEN success THEN 0 ELSE 1 END), 0),"
				+ " CASE WHEN pg_catalog.to_regclass(pg_catalog.quote_ident(pg_catalog.current_schema()) || '." + literal
				+ "') = pg_catalog.to_regclass('" + literal + "') THEN 1 ELSE 0 END, pg_catalog.current_schema() FROM "
				+ quoted + " WHERE " + appliedCondition;
	}

	@Override
	public String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
			rows.next();
			return rows.getString(1);
		}
	}

	@Override
	public String relationKey(String schema, String name) {
		return schema + "." + name;
	}

	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		String sql = "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			statement.setString(2, table);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	@Override
	public boolean isEmptyForFlyway(Connection connection, String schema, String historyTable) throws SQLException {
		// Flyway's own query (PostgreSQLSchema.doEmpty), with the history table left out.
		String sql = "SELECT EXISTS ("
				+ " SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " LEFT JOIN pg_catalog.pg_depend d ON d.objid = c.oid AND d.deptype = 'e'"
				+ " WHERE n.nspname = ? AND d.objid IS NULL AND c.relkind IN ('r', 'v', 'S', 't')"
				+ " AND NOT (c.relname = ? OR c.relname IN (? || '_pk', ? || '_s_idx'))"
				+ " UNION ALL SELECT t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
				+ " LEFT JOIN pg_catalog.pg_depend d ON d.objid = t.oid AND d.deptype = 'e'"
				+ " WHERE n.nspname = ? AND d.objid IS NULL AND t.typcategory NOT IN ('A', 'C')"
				+ " UNION ALL SELECT p.oid FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
				+ " LEFT JOIN pg_catalog.pg_depend d ON d.objid = p.oid AND d.deptype = 'e'"
				+ " WHERE n.nspname = ? AND d.objid IS NULL)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			statement.setString(2, historyTable);
			statement.setString(3, historyTable);
			statement.setString(4, historyTable);
			statement.setString(5, schema);
			statement.setString(6, schema);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return !rows.getBoolean(1);
			}
		}
	}

	@Override
	public List<String> otherHistoryTables(Connection connection, String schema, String historyTable)
			throws SQLException {
		String sql = "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
				+ " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
				+ " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS
				+ " AND a.attname IN ('installed_rank', 'version', 'description', 'type', 'script', 'checksum',"
				+ " 'installed_by', 'installed_on', 'execution_time', 'success')"
				+ " AND NOT (n.nspname = ? AND c.relname = ?)"
				+ " GROUP BY n.nspname, c.relname HAVING count(*) = 10 ORDER BY 1, 2";
		List<String[]> shaped = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			statement.setString(2, historyTable);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					shaped.add(new String[] { rows.getString(1), rows.getString(2) });
				}
			}
		}
		List<String> withRows = new ArrayList<>();
		for (String[] table : shaped) {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT 1 FROM " + qualify(table[0], table[1]) + " LIMIT 1")) {
				if (rows.next()) {
					withRows.add(relationKey(table[0], table[1]));
				}
			}
		}
		return withRows;
	}

	@Override
	public String schemaOf(String relationKey) {
		return relationKey.substring(0, relationKey.indexOf('.'));
	}

	@Override
	public CatalogSnapshot readCatalog(Connection connection, java.util.Collection<String> schemas)
			throws SQLException {
		// Flat queries, one per kind of object; relations equal to those of the previous read come
		// back as the same instances, so that consecutive snapshots share them.
		return this.catalogReader.read(connection, schemas);
	}

	@Override
	public CatalogSnapshot readSignature(Connection connection, boolean objects, ColumnsWanted columnsWanted)
			throws SQLException {
		return this.signatureReader.readSignature(connection, objects, columnsWanted);
	}

	@Override
	public AdoptionLock adoptionLock(LiveDatabase live, Connection inspection, String historyTable, boolean dryRun)
			throws SQLException {
		String username = (live.username() != null) ? live.username() : inspection.getMetaData().getUserName();
		DataSource outsidePool = new DriverManagerDataSource(live.resolveJdbcUrl(), username, live.password());
		return new PostgresqlAdvisoryLock(outsidePool, PostgresqlAdvisoryLock.ADOPTION, historyTable.hashCode());
	}

	@Override
	public Backup backup(Connection inspection, java.nio.file.Path directory) throws SQLException {
		String database;
		try (Statement statement = inspection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT current_database()")) {
			rows.next();
			database = rows.getString(1);
		}
		return new Backup(null, "pg_dump --format=custom --file=" + database + ".dump " + database);
	}

	@Override
	public String currentUserSql() {
		return "current_user";
	}

	@Override
	public Shadow openShadow(LiveDatabase live, ShadowSettings settings, Set<String> extensionsToSkip,
			java.time.Duration timeout) throws SQLException {
		if (settings.url() != null) {
			return PostgresqlProvidedShadow.open(this, live, settings, timeout);
		}
		return PostgresqlTemporaryShadow.create(live, extensionsToSkip, timeout);
	}

	@Override
	public void checkSupported(Connection connection) throws SQLException {
		int major = connection.getMetaData().getDatabaseMajorVersion();
		if (major < 13) {
			throw new IllegalStateException("Flyway Autobaseline needs PostgreSQL 13 or newer; the server is "
					+ connection.getMetaData().getDatabaseProductVersion()
					+ ". Set autobaseline.enabled=false to use Spring Boot's plain Flyway behaviour.");
		}
	}

	@Override
	public boolean hasClusterWideStatements() {
		return true;
	}

	@Override
	public ReplayLimit replayLimitHit(SQLException failure) {
		return switch (String.valueOf(failure.getSQLState())) {
			case LOCK_NOT_AVAILABLE -> ReplayLimit.LOCK_WAIT;
			case QUERY_CANCELED -> ReplayLimit.STATEMENT;
			default -> ReplayLimit.NONE;
		};
	}

	/** lock_timeout expired. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	/** statement_timeout expired (or the statement was cancelled). */
	private static final String QUERY_CANCELED = "57014";

	@Override
	public String lockWaitAdvice() {
		return "CREATE INDEX CONCURRENTLY waits for Flyway's own transaction under its default transactional lock."
				+ " Set spring.flyway.postgresql.transactional-lock=false, or raise autobaseline.replay.timeout if"
				+ " another session held the lock.";
	}

	@Override
	public Optional<String> preCreatedExtensionConflict(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "42710".equals(sql.getSQLState())) {
				Matcher matcher = EXTENSION_EXISTS.matcher(String.valueOf(sql.getMessage()));
				if (matcher.find()) {
					return Optional.of(matcher.group(1));
				}
			}
		}
		return Optional.empty();
	}

}
