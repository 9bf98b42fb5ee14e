package dev.autobaseline.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.autobaseline.catalog.CatalogSnapshot;

/**
 * Everything that differs between database engines, chosen once from the JDBC URL. The rest of
 * the code never asks which engine it is talking to.
 */
public interface Dialect {

	/** The dialect for a JDBC URL. */
	static Dialect forUrl(String jdbcUrl) {
		String url = (jdbcUrl != null) ? jdbcUrl.toLowerCase(Locale.ROOT) : "";
		if (url.startsWith("jdbc:sqlite:")) {
			return new dev.autobaseline.dialect.sqlite.SqliteDialect();
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return new dev.autobaseline.dialect.postgresql.PostgresqlDialect();
		}
		if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
			// MariaDB or MySQL is told apart once per server, from its version string, in checkSupported.
			return new dev.autobaseline.dialect.mariadb.MariadbDialect();
		}
		throw new UnsupportedDatabaseException(jdbcUrl);
	}

	/** The engine's name for messages. */
	String name();

	/**
	 * A connection for inspection, in autocommit. With {@code readOnly}, one that cannot write
	 * where the engine allows it (a SQLite file opened read-only).
	 */
	Connection openInspection(LiveDatabase live, boolean readOnly) throws SQLException;

	/**
	 * Checks that the server is one the starter supports.
	 * @throws IllegalStateException naming what is too old
	 */
	default void checkSupported(Connection connection) throws SQLException {
	}

	/**
	 * Checks that the server is one the starter supports, where one dialect serves servers that
	 * were not all tested (MariaDB's serves MySQL only with {@code autobaseline.mysql.enabled}).
	 * The engine calls this one; it defaults to {@link #checkSupported(Connection)}.
	 * @param mysqlEnabled whether a MySQL server may be adopted
	 */
	default void checkSupported(Connection connection, boolean mysqlEnabled) throws SQLException {
		checkSupported(connection);
	}

	/**
	 * A connection for the fast path: one statement on a managed database, so nothing is set up
	 * on it. Defaults to an inspection connection.
	 */
	default Connection openFastPath(LiveDatabase live, boolean readOnly) throws SQLException {
		return openInspection(live, readOnly);
	}

	/**
	 * Whether this engine's adoption lock is taken on every boot, fast path included (SQLite, not
	 * in a dry run), rather than only off the fast path.
	 */
	default boolean locksEveryBoot(boolean dryRun) {
		return false;
	}

	/**
	 * The fast path's one statement: applied rows, failed rows, 1 when the table counted is the
	 * one Flyway uses (0 when an unqualified name found another schema's table), and Flyway's
	 * schema.
	 * @param schema Flyway's schema, or {@code null} for the connection's current schema
	 */
	default String fastPathSql(String schema, String table, String appliedCondition) {
		String resolved = (schema != null) ? schema : "main";
		return "SELECT COUNT(*), COALESCE(SUM(CASE WHEN success THEN 0 ELSE 1 END), 0), 1, '"
				+ resolved.replace("'", "''") + "' FROM " + qualify(resolved, table) + " WHERE " + appliedCondition;
	}

	/** The schema unqualified names resolve to on this connection. */
	String currentSchema(Connection connection) throws SQLException;

	/** An identifier quoted for SQL. */
	default String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/**
	 * Whether the namespace Flyway manages is a database on this engine (MariaDB and MySQL):
	 * reports then call it a database, not a schema.
	 */
	default boolean schemaIsDatabase() {
		return false;
	}

	/** A schema-qualified, quoted table name. */
	default String qualify(String schema, String table) {
		return quote(schema) + "." + quote(table);
	}

	/** The key a relation has in a {@link CatalogSnapshot}. */
	String relationKey(String schema, String name);

	/** Whether the table exists. */
	boolean tableExists(Connection connection, String schema, String table) throws SQLException;

	/**
	 * Whether Flyway would call the schema empty (and so migrate without a baseline), leaving the
	 * history table out.
	 */
	boolean isEmptyForFlyway(Connection connection, String schema, String historyTable) throws SQLException;

	/** Flyway-shaped history tables holding rows, other than the one Flyway uses, by key. */
	List<String> otherHistoryTables(Connection connection, String schema, String historyTable) throws SQLException;

	/** The relations of every user schema, leaving out engine-internal objects. */
	default CatalogSnapshot readCatalog(Connection connection) throws SQLException {
		return readCatalog(connection, null);
	}

	/**
	 * The relations of the given schemas ({@code null} for every user schema), leaving out
	 * engine-internal objects.
	 */
	CatalogSnapshot readCatalog(Connection connection, java.util.Collection<String> schemas) throws SQLException;

	/**
	 * A signature of every user schema's catalog, read after each replayed migration: relation
	 * names, kinds and column names, with the same keys as {@link #readCatalog}, and the top-level
	 * objects (types, functions, sequences) in full only when {@code objects} is set (a candidate
	 * test at {@code strict} needs them, one at {@code columns} does not). Facts are read only for
	 * versions that could be candidates ({@link #readCatalog}).
	 * <p>
	 * A dialect whose names cost far less than its column names may read names and kinds first and
	 * return a signature of names only ({@link CatalogSnapshot#columnsRead()} unset) when
	 * {@code columnsWanted}, asked with those, says no; with {@link ColumnsWanted#ALWAYS} it reads
	 * column names at once. Defaults to the full read, for a dialect whose full read is as cheap.
	 */
	default CatalogSnapshot readSignature(Connection connection, boolean objects, ColumnsWanted columnsWanted)
			throws SQLException {
		return readCatalog(connection, null);
	}

	/** Whether a signature needs column names, given its relation names and kinds. */
	@FunctionalInterface
	interface ColumnsWanted {

		/** Column names for every signature, read without asking. */
		ColumnsWanted ALWAYS = (names) -> true;

		boolean test(CatalogSnapshot names) throws SQLException;

	}

	/**
	 * The schema of a relation key, or {@code null} where keys carry no schema: on MariaDB a
	 * schema is a database, one per adoption, and keys must compare between the shadow database
	 * and live, so they name the relation only; {@code null} then means Flyway's default schema.
	 */
	String schemaOf(String relationKey);

	/** SQL for the user name recorded in {@code installed_by}. */
	String currentUserSql();

	/**
	 * The lock that holds other instances off while one adopts this database.
	 * @param inspection a connection to the live database
	 * @param historyTable the qualified history table: one lock per history
	 * @param dryRun whether this boot only reads
	 */
	AdoptionLock adoptionLock(LiveDatabase live, Connection inspection, String historyTable, boolean dryRun)
			throws SQLException;

	/**
	 * Checks that the live database can take the starter's writes, before any is made.
	 * @throws IllegalStateException naming the cause (a read-only SQLite file, say)
	 */
	default void checkWritable(Connection inspection) throws SQLException {
	}

	/**
	 * Backs the live database up before the first write to it, where the engine can.
	 * @param directory where to put the backup, or {@code null} for next to the database
	 * @return the backup, or a hint how to take one by hand (PostgreSQL)
	 */
	Backup backup(Connection inspection, java.nio.file.Path directory) throws SQLException;

	/**
	 * A backup taken, or how to take one.
	 *
	 * @param path the backup file, or {@code null}
	 * @param hint how to back up by hand, or {@code null}
	 */
	record Backup(java.nio.file.Path path, String hint) {
	}

	/** An empty shadow database to replay migrations into. */
	Shadow openShadow(LiveDatabase live, ShadowSettings settings, Set<String> extensionsToSkip,
			java.time.Duration timeout) throws SQLException;

	/**
	 * Whether some SQL statements reach past the database they run in (PostgreSQL roles,
	 * tablespaces, databases): a replay of them would change the live cluster.
	 */
	default boolean hasClusterWideStatements() {
		return false;
	}

	/**
	 * Checks, before any shadow exists, that the replay can map live's schemas to a shadow: a
	 * dialect whose schema is a database (MariaDB) replays one database only. Called once per
	 * replay, right before {@link #openShadow}.
	 * @param liveSchemas live's schemas, Flyway's default one first
	 * @throws UnsupportedDatabaseException naming what is not supported
	 */
	default void checkReplaySchemas(List<String> liveSchemas) {
	}

	/**
	 * What the migration scripts hold that must not run in a shadow, found before any shadow
	 * exists. Defaults to nothing: PostgreSQL's cluster-wide statements are found by the engine
	 * ({@link #hasClusterWideStatements()}).
	 * @param configuration live's Flyway configuration (placeholders)
	 * @param scripts script path to text, as read from Flyway's locations
	 * @param liveSchemas live's schemas, Flyway's default one first
	 * @param live the live database, for what only the server tells (its databases, its sql_mode)
	 */
	default ScriptFindings scanScripts(org.flywaydb.core.api.configuration.Configuration configuration,
			java.util.Map<String, String> scripts, List<String> liveSchemas, LiveDatabase live) throws SQLException {
		return ScriptFindings.NONE;
	}

	/**
	 * Whether the history table takes the starter's multi-row rewrites atomically (record:
	 * history, rebaseline, repair): false for a MariaDB table whose engine is not transactional,
	 * where a kill mid-way would leave a partial history that Flyway then trusts.
	 */
	default boolean isTransactional(Connection connection, String schema, String table) throws SQLException {
		return true;
	}

	/**
	 * The extension a failed replay tried to create although the shadow already had it, so that
	 * the replay can be retried without pre-creating it.
	 */
	default Optional<String> preCreatedExtensionConflict(Throwable failure) {
		return Optional.empty();
	}

	/**
	 * Whether a replay statement failed on one of the session limits {@link #openShadow} set from
	 * {@code autobaseline.replay.timeout}, and which one.
	 */
	default ReplayLimit replayLimitHit(SQLException failure) {
		return ReplayLimit.NONE;
	}

	/**
	 * What a user does when a replay statement waited for a lock until the timeout, on this engine:
	 * whole sentences, after the report's "A migration waited for a lock."
	 */
	default String lockWaitAdvice() {
		return "Another session held it: raise autobaseline.replay.timeout if the migration should wait longer.";
	}

	/** The session limit a failed replay statement ran into. */
	enum ReplayLimit {

		/** None: the statement failed for another reason. */
		NONE,

		/** It ran as long as the statement limit allows. */
		STATEMENT,

		/** It waited that long for a lock. */
		LOCK_WAIT

	}

}
