package dev.autobaseline.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.autobaseline.dialect.Dialect;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Where Flyway keeps its history, found the way Flyway finds it.
 *
 * @param schema Flyway's default schema
 * @param table the history table's name
 * @param schemas the schemas Flyway manages (and checks for emptiness)
 * @param qualified the quoted, qualified table name
 * @param key the table's key in a catalog snapshot
 * @param schemaIsDatabase whether a schema is a database on this engine (MariaDB)
 */
record HistoryTable(String schema, String table, List<String> schemas, String qualified, String key,
		boolean schemaIsDatabase) {

	static HistoryTable locate(Configuration configuration, Dialect dialect, Connection connection)
			throws SQLException {
		String[] configured = configuration.getSchemas();
		String schema = configuration.getDefaultSchema();
		if (schema == null && configured.length > 0) {
			schema = configured[0];
		}
		if (schema == null) {
			// init-sqls can change the default schema (SET search_path TO app): run them first, as Flyway does.
			if (configuration.getInitSql() != null) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(configuration.getInitSql());
				}
			}
			schema = dialect.currentSchema(connection);
			if (schema == null) {
				throw new IllegalStateException("Flyway Autobaseline: no schema on the connection's search_path exists,"
						+ " so there is no schema for Flyway's history table. Set spring.flyway.default-schema.");
			}
		}
		return of(configuration, dialect, schema);
	}

	/** The history table in the given schema (Flyway's default one). */
	static HistoryTable of(Configuration configuration, Dialect dialect, String schema) {
		String[] configured = configuration.getSchemas();
		List<String> schemas = (configured.length > 0) ? List.of(configured) : List.of(schema);
		String table = configuration.getTable();
		return new HistoryTable(schema, table, schemas, dialect.qualify(schema, table), dialect.relationKey(schema, table),
				dialect.schemaIsDatabase());
	}

	/**
	 * How a refusal opens: {@code The database (schema "public", UNMANAGED)}, or where a schema is
	 * a database, {@code The database "app" (UNMANAGED)}.
	 */
	String describeDatabase(SchemaState state) {
		return this.schemaIsDatabase ? "The " + describeSchemas() + " (" + state + ")"
				: "The database (" + describeSchemas() + ", " + state + ")";
	}

	/** What the engine calls a schema: {@code schema}, or {@code database} on MariaDB. */
	String noun() {
		return this.schemaIsDatabase ? "database" : "schema";
	}

	/** How a person names the managed schemas, e.g. {@code schema "public"} or {@code database "app"}. */
	String describeSchemas() {
		return noun() + ((this.schemas.size() == 1) ? " " : "s ") + String.join(", ",
				this.schemas.stream().map((name) -> "\"" + name + "\"").toList());
	}

}
