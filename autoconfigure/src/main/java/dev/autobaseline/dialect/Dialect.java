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
		throw new UnsupportedDatabaseException(jdbcUrl);
	}

	/** The engine's name for messages. */
	String name();

	/**
	 * A connection for inspection, in autocommit. With {@code readOnly}, one that cannot write
	 * where the engine allows it (a SQLite file opened read-only).
	 */
	Connection openInspection(LiveDatabase live, boolean readOnly) throws SQLException;

	/** The schema unqualified names resolve to on this connection. */
	String currentSchema(Connection connection) throws SQLException;

	/** An identifier quoted for SQL. */
	default String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
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

	/** The schema of a relation key. */
	String schemaOf(String relationKey);

	/** SQL for the user name recorded in {@code installed_by}. */
	String currentUserSql();

	/** An empty shadow database to replay migrations into. */
	Shadow openShadow(LiveDatabase live, ShadowSettings settings, Set<String> extensionsToSkip) throws SQLException;

	/**
	 * The extension a failed replay tried to create although the shadow already had it, so that
	 * the replay can be retried without pre-creating it.
	 */
	default Optional<String> preCreatedExtensionConflict(Throwable failure) {
		return Optional.empty();
	}

}
