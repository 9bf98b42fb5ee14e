package dev.autobaseline.dialect.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.RelationCache;
import dev.autobaseline.dialect.AdoptionLock;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import org.sqlite.SQLiteConfig;

/**
 * SQLite: one schema ({@code main}), names compared case-insensitively, every {@code sqlite_%}
 * table left out, shadows in memory.
 */
public final class SqliteDialect implements Dialect {

	/** What earlier catalog reads of this boot found: unchanged tables are not read again. */
	private final RelationCache relations = new RelationCache();

	/** The same for signatures, kept apart: what it holds has no facts. */
	private final SqliteSignatureReader signatures = new SqliteSignatureReader();

	private static final String HISTORY_COLUMNS = "'installed_rank','version','description','type','script',"
			+ "'checksum','installed_by','installed_on','execution_time','success'";

	@Override
	public String name() {
		return "SQLite";
	}

	@Override
	public Connection openInspection(LiveDatabase live, boolean readOnly) throws SQLException {
		if (!readOnly) {
			return live.dataSource().getConnection();
		}
		// Read-only at the file level: a rollback journal stays byte-identical, a WAL is not checkpointed.
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		String url = live.resolveJdbcUrl();
		if (isMissingFile(url)) {
			// Opening would create the file; a file that does not exist is an empty database.
			return DriverManager.getConnection("jdbc:sqlite::memory:", config.toProperties());
		}
		return DriverManager.getConnection(url, config.toProperties());
	}

	static boolean isMissingFile(String url) {
		String path = url.substring("jdbc:sqlite:".length());
		int query = path.indexOf('?');
		path = (query >= 0) ? path.substring(0, query) : path;
		if (path.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		if (path.isEmpty() || path.startsWith(":memory:") || path.contains("mode=memory")) {
			return false;
		}
		return !java.nio.file.Files.exists(java.nio.file.Path.of(path));
	}

	@Override
	public boolean locksEveryBoot(boolean dryRun) {
		return !dryRun;
	}

	@Override
	public String currentSchema(Connection connection) {
		return "main";
	}

	@Override
	public String relationKey(String schema, String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		return exists(connection, "SELECT 1 FROM " + quote(schema) + ".sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE", table);
	}

	@Override
	public boolean isEmptyForFlyway(Connection connection, String schema, String historyTable) throws SQLException {
		// Flyway ignores only these two; sqlite_stat1 (after ANALYZE) makes a schema non-empty for it.
		return !exists(connection, "SELECT 1 FROM " + quote(schema) + ".sqlite_master WHERE type = 'table'"
				+ " AND name NOT IN ('sqlite_sequence', 'android_metadata') AND name <> ? COLLATE NOCASE", historyTable);
	}

	@Override
	public List<String> otherHistoryTables(Connection connection, String schema, String historyTable)
			throws SQLException {
		List<String> shaped = new ArrayList<>();
		// Main's tables by main's columns and rows: a bare name finds a TEMP table of that name first.
		String sql = "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name, 'main') p"
				+ " WHERE m.type = 'table' AND m.name <> ? COLLATE NOCASE AND lower(p.name) IN (" + HISTORY_COLUMNS + ")"
				+ " GROUP BY m.name HAVING count(*) = 10";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, historyTable);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					shaped.add(rows.getString(1));
				}
			}
		}
		List<String> withRows = new ArrayList<>();
		for (String table : shaped) {
			if (hasRows(connection, qualify("main", table))) {
				withRows.add(relationKey(schema, table));
			}
		}
		return withRows;
	}

	@Override
	public String schemaOf(String relationKey) {
		return "main";
	}

	@Override
	public CatalogSnapshot readCatalog(Connection connection, java.util.Collection<String> schemas)
			throws SQLException {
		// Every relation with its CREATE statement and those of its indexes and triggers, which
		// together determine what a table holds: a table whose statements an earlier read saw is not
		// read again. A view's columns follow the tables it selects from (SELECT * is expanded when
		// the view is used): read every time.
		List<RelationCache.Listed> listed = withDependents(connection, SqliteListing.read(connection).relations(connection));
		return this.relations.readContent(listed,
				(names) -> new SqliteCatalogReader(connection, names, listed.size()).read());
	}

	@Override
	public CatalogSnapshot readSignature(Connection connection, boolean objects, ColumnsWanted columnsWanted)
			throws SQLException {
		// SQLite has no top-level objects: the flag changes nothing. Names cost as much as columns
		// (one listing of every statement): column names are always read.
		return this.signatures.read(connection, SqliteListing.read(connection));
	}

	/** The listing with each table's content key extended by the statements of its indexes and triggers. */
	private static List<RelationCache.Listed> withDependents(Connection connection, List<RelationCache.Listed> listed)
			throws SQLException {
		Map<String, String> dependents = new java.util.HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT lower(tbl_name), group_concat(type || ' ' || name || char(31)"
						+ " || sql, char(29)) FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
						+ " GROUP BY lower(tbl_name)")) {
			while (rows.next()) {
				dependents.put(rows.getString(1), rows.getString(2));
			}
		}
		if (dependents.isEmpty()) {
			return listed;
		}
		List<RelationCache.Listed> extended = new ArrayList<>(listed.size());
		for (RelationCache.Listed relation : listed) {
			String more = dependents.get(relation.handle().toLowerCase(Locale.ROOT));
			extended.add((more == null || relation.contentKey() == null) ? relation
					: new RelationCache.Listed(relation.name(), relation.kind(), relation.contentKey() + (char) 29 + more,
							relation.handle()));
		}
		return extended;
	}

	@Override
	public AdoptionLock adoptionLock(LiveDatabase live, Connection inspection, String historyTable, boolean dryRun)
			throws SQLException {
		Path file = databaseFile(inspection);
		// A dry run writes nothing, so it needs no lock (and creates no lock file); an in-memory database has no peers.
		return (dryRun || file == null) ? AdoptionLock.NONE : new SqliteFileLock(file);
	}

	@Override
	public void checkWritable(Connection inspection) throws SQLException {
		Path file = databaseFile(inspection);
		String url = String.valueOf(inspection.getMetaData().getURL());
		boolean readOnlyUrl = url.matches(".*[?&](mode=ro|open_mode=1)(&.*)?$");
		if (file != null && (readOnlyUrl || !Files.isWritable(file) || !Files.isWritable(file.getParent()))) {
			throw new IllegalStateException("Flyway Autobaseline cannot adopt the SQLite database " + file
					+ ": it is opened read-only, or the file or its folder is read-only, and adoption writes a BASELINE row (and Flyway its"
					+ " migrations). Make both writable, or set autobaseline.dry-run=true to only see the plan.");
		}
	}

	@Override
	public Backup backup(Connection inspection, Path directory) throws SQLException {
		Path file = databaseFile(inspection);
		if (file == null) {
			return new Backup(null, null);
		}
		try {
			return new Backup(SqliteBackup.take(file, directory), null);
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Flyway Autobaseline could not back up " + file + " before adopting it ("
					+ ex.getMessage() + "); nothing was written. Make autobaseline.backup.directory (default: the"
					+ " database's folder) writable, or set autobaseline.backup.enabled=false.", ex);
		}
	}

	/** The main database's file, from {@code PRAGMA database_list}; {@code null} in memory. */
	static Path databaseFile(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT file FROM pragma_database_list WHERE name = 'main'")) {
			if (!rows.next() || rows.getString(1) == null || rows.getString(1).isEmpty()) {
				return null;
			}
			try {
				return Path.of(rows.getString(1)).toRealPath();
			}
			catch (IOException ex) {
				return Path.of(rows.getString(1)).toAbsolutePath();
			}
		}
	}

	@Override
	public String currentUserSql() {
		return "''";
	}

	@Override
	public Shadow openShadow(LiveDatabase live, ShadowSettings settings, Set<String> extensionsToSkip,
			java.time.Duration timeout) throws SQLException {
		return SqliteMemoryShadow.open(settings);
	}

	private static boolean hasRows(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
			return rows.next();
		}
	}

	private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

}
