package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.catalog.RelationCache;

/**
 * The catalog of one database from {@code information_schema}, one flat query per kind: tables
 * and views, columns, indexes (primary keys among them), foreign keys, checks, triggers, views'
 * definitions; routines, events and sequences as top-level objects. Left out: the history table,
 * {@code DEFINER}, {@code AUTO_INCREMENT} counters and timestamps, which differ between two copies
 * of one schema. Keys carry no database name, so that a shadow's compare with live's. The
 * signatures read after each replayed migration are {@link MariadbSignatureReader}'s.
 */
final class MariadbCatalogReader {

	private final Connection connection;

	private final String database;

	private final boolean lowerCaseNames;

	private final Map<String, ReadRelation> relations = new LinkedHashMap<>();

	private final Map<String, String> tableCollations = new TreeMap<>();

	/** Tables whose CREATE_OPTIONS say partitioned: only they have partitions to read. */
	private final List<String> partitioned = new ArrayList<>();

	/** Per table, each foreign key's constraint name and columns: InnoDB may have made an index for it. */
	private final Map<String, List<String[]>> foreignKeys = new TreeMap<>();

	private MariadbCatalogReader(Connection connection, String database, boolean lowerCaseNames) {
		this.connection = connection;
		this.database = database;
		this.lowerCaseNames = lowerCaseNames;
	}

	/**
	 * The full catalog of the database. Relations equal to those of the previous read come back as
	 * that read's instances, so that the snapshots of consecutive replayed versions share them.
	 * @param shared what the previous read found
	 */
	static CatalogSnapshot read(Connection connection, String database, MariadbServer server, RelationCache shared)
			throws SQLException {
		MariadbCatalogReader reader = new MariadbCatalogReader(connection, database, server.lowerCaseNames());
		requireDatabase(connection, database);
		List<String> sequences = reader.readRelations();
		reader.readColumns();
		reader.readPartitions();
		reader.readForeignKeys();
		reader.readIndexes(server.ignoredIndexSql());
		reader.readChecks();
		reader.readTriggers();
		reader.readViews();
		Map<String, String> objects = new TreeMap<>();
		new MariadbObjects(connection, database).read(objects, sequences);
		return shared.share(reader.snapshotRelations()).withObjects(objects);
	}

	/**
	 * Reads of a dropped database return empty sets, not errors: a database gone from SCHEMATA
	 * fails the read instead of looking empty.
	 */
	static void requireDatabase(Connection connection, String database) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new SQLException("The database " + database + " does not exist (any more)");
				}
			}
		}
	}

	private String name(String name) {
		return this.lowerCaseNames ? name.toLowerCase(Locale.ROOT) : name;
	}

	/** Tables and views; returns the sequences, which are listed as tables but are objects. */
	private List<String> readRelations() throws SQLException {
		List<String> sequences = new ArrayList<>();
		query("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, CREATE_OPTIONS, ROW_FORMAT, TABLE_COMMENT"
				+ " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", (rows) -> {
			String type = rows.getString(2);
			if ("SEQUENCE".equals(type)) {
				sequences.add(rows.getString(1));
				return;
			}
			boolean view = "VIEW".equals(type);
			boolean versioned = "SYSTEM VERSIONED".equals(type);
			ReadRelation relation = new ReadRelation(name(rows.getString(1)), view ? Relation.Kind.VIEW : Relation.Kind.TABLE);
			this.relations.put(rows.getString(1), relation);
			if (versioned) {
				relation.facts.put("system versioning", "");
			}
			this.tableCollations.put(rows.getString(1), rows.getString(4));
			if (!view && String.valueOf(rows.getString(5)).toLowerCase(Locale.ROOT).contains("partitioned")) {
				this.partitioned.add(rows.getString(1));
			}
			if (!view) {
				relation.facts.put("engine", String.valueOf(rows.getString(3)).toLowerCase(Locale.ROOT));
				relation.facts.put("options", ("collate " + rows.getString(4) + " " + blank(rows.getString(5)) + " row_format "
						+ blank(rows.getString(6)) + " comment '" + blank(rows.getString(7)) + "'").toLowerCase(Locale.ROOT));
			}
		});
		return sequences;
	}

	private void readColumns() throws SQLException {
		query("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION,"
				+ " COLLATION_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
				+ " ORDER BY TABLE_NAME, ORDINAL_POSITION", (rows) -> {
			ReadRelation relation = this.relations.get(rows.getString(1));
			if (relation == null) {
				return;
			}
			// Column names are case-insensitive on every MariaDB server.
			String column = rows.getString(2).toLowerCase(Locale.ROOT);
			relation.columns.add(column);
			if (relation.kind == Relation.Kind.TABLE) {
				// A default of NEXTVAL(s) names the sequence with the database: the shadow's is not live's.
				relation.facts.put("column " + column, MariadbDefinitions.column(rows.getString(3),
						"YES".equals(rows.getString(4)), MariadbDefinitions.withoutOwnDatabase(rows.getString(5), this.database),
						rows.getString(6), MariadbDefinitions.withoutOwnDatabase(rows.getString(7), this.database),
						rows.getString(8), this.tableCollations.get(rows.getString(1)))
						+ MariadbDefinitions.comment(rows.getString(9)));
			}
		});
	}

	/**
	 * Indexes by definition, not by name (an ORM and a migration name them differently), except
	 * that an index InnoDB made itself for a foreign key says so: a later {@code CREATE INDEX} on
	 * the same columns replaces it, and the two must not compare equal (a migration after that one
	 * drops or renames the explicit index by its name).
	 */
	private void readIndexes(String ignoredSql) throws SQLException {
		Map<String, String[]> indexes = new LinkedHashMap<>();
		Map<String, List<String>> columns = new LinkedHashMap<>();
		Map<String, List<String>> plainColumns = new LinkedHashMap<>();
		query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, SUB_PART, COLLATION, " + ignoredSql
				+ " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
				(rows) -> {
					String key = rows.getString(1) + "\u0000" + rows.getString(2);
					indexes.putIfAbsent(key, new String[] { rows.getString(1), rows.getString(2), rows.getString(3),
							rows.getString(4), rows.getBoolean(8) ? "ignored" : "" });
					long prefix = rows.getLong(6);
					Long prefixLength = rows.wasNull() ? null : prefix;
					String column = String.valueOf(rows.getString(5));
					columns.computeIfAbsent(key, (k) -> new ArrayList<>())
						.add(MariadbDefinitions.indexColumn(column, prefixLength, rows.getString(7)));
					plainColumns.computeIfAbsent(key, (k) -> new ArrayList<>()).add(column.toLowerCase(Locale.ROOT));
				});
		indexes.forEach((key, index) -> {
			ReadRelation relation = this.relations.get(index[0]);
			if (relation == null) {
				return;
			}
			String definition = String.join(", ", columns.get(key));
			if ("PRIMARY".equals(index[1])) {
				relation.facts.put("pk (" + definition + ")", "");
				return;
			}
			boolean forForeignKey = this.foreignKeys.getOrDefault(index[0], List.of())
				.stream()
				.anyMatch((foreignKey) -> MariadbDefinitions.isForeignKeyIndex(index[0], index[1], plainColumns.get(key),
						foreignKey[0], foreignKey[1]));
			// An ignored index (MySQL: invisible) is kept but not used: the value says so.
			relation.facts.put(MariadbDefinitions.index("0".equals(index[2]), index[3], definition, forForeignKey), index[4]);
		});
	}

	/**
	 * Partitioning and each partition of the partitioned tables: {@code ADD PARTITION} and
	 * {@code REORGANIZE PARTITION} change nothing else a catalog shows, and later migrations name
	 * partitions. Read only when a table says it is partitioned.
	 */
	private void readPartitions() throws SQLException {
		if (this.partitioned.isEmpty()) {
			return;
		}
		Map<String, List<String>> subpartitions = new LinkedHashMap<>();
		Map<String, String> partitions = new LinkedHashMap<>();
		query("SELECT TABLE_NAME, PARTITION_NAME, SUBPARTITION_NAME, PARTITION_ORDINAL_POSITION, PARTITION_METHOD,"
				+ " PARTITION_EXPRESSION, SUBPARTITION_METHOD, SUBPARTITION_EXPRESSION, PARTITION_DESCRIPTION,"
				+ " PARTITION_COMMENT FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL"
				+ " ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION", (rows) -> {
					ReadRelation relation = this.relations.get(rows.getString(1));
					if (relation == null) {
						return;
					}
					relation.facts.put("partitioning", MariadbDefinitions.partitioning(rows.getString(5),
							MariadbDefinitions.withoutOwnDatabase(rows.getString(6), this.database), rows.getString(7),
							MariadbDefinitions.withoutOwnDatabase(rows.getString(8), this.database)));
					String key = rows.getString(1) + "\u0000" + rows.getString(2);
					partitions.putIfAbsent(key, rows.getString(4) + " values " + blank(rows.getString(9)) + " comment '"
							+ blank(rows.getString(10)) + "'");
					if (rows.getString(3) != null) {
						subpartitions.computeIfAbsent(key, (k) -> new ArrayList<>()).add(rows.getString(3));
					}
				});
		partitions.forEach((key, definition) -> {
			String[] tableAndName = key.split("\u0000", 2);
			List<String> subs = subpartitions.get(key);
			this.relations.get(tableAndName[0]).facts.put("partition " + tableAndName[1],
					definition + ((subs != null) ? " subpartitions " + String.join(", ", subs) : ""));
		});
	}

	private void readForeignKeys() throws SQLException {
		query("SELECT k.TABLE_NAME, GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),"
				+ " k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,"
				+ " GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),"
				+ " r.UPDATE_RULE, r.DELETE_RULE, k.CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE k"
				+ " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
				+ " AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
				+ " WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
				+ " GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,"
				+ " r.UPDATE_RULE, r.DELETE_RULE", (rows) -> {
			ReadRelation relation = this.relations.get(rows.getString(1));
			this.foreignKeys.computeIfAbsent(rows.getString(1), (table) -> new ArrayList<>())
				.add(new String[] { rows.getString(8), rows.getString(2).toLowerCase(Locale.ROOT) });
			if (relation != null) {
				String target = this.database.equals(rows.getString(3)) ? name(rows.getString(4))
						: rows.getString(3) + "." + rows.getString(4);
				relation.facts.put("fk (" + rows.getString(2).toLowerCase(Locale.ROOT) + ") -> " + target + "("
						+ rows.getString(5).toLowerCase(Locale.ROOT) + ")",
						("on update " + rows.getString(6) + " on delete " + rows.getString(7)).toLowerCase(Locale.ROOT));
			}
		});
	}

	private void readChecks() throws SQLException {
		query("SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
				(rows) -> {
					ReadRelation relation = this.relations.get(rows.getString(1));
					if (relation != null) {
						relation.facts.put("check (" + MariadbDefinitions
							.collapsed(MariadbDefinitions.withoutOwnDatabase(rows.getString(2), this.database)) + ")", "");
					}
				});
	}

	private void readTriggers() throws SQLException {
		query("SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT"
				+ " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", (rows) -> {
			ReadRelation relation = this.relations.get(rows.getString(1));
			if (relation != null) {
				relation.facts.put("trigger " + rows.getString(2), (rows.getString(3) + " " + rows.getString(4)).toLowerCase(Locale.ROOT)
						+ " " + MariadbDefinitions.collapsed(MariadbDefinitions.withoutOwnDatabase(rows.getString(5), this.database)));
			}
		});
	}

	private void readViews() throws SQLException {
		query("SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE FROM information_schema.VIEWS"
				+ " WHERE TABLE_SCHEMA = ?", (rows) -> {
			ReadRelation relation = this.relations.get(rows.getString(1));
			if (relation != null) {
				relation.facts.put("definition",
						MariadbDefinitions.collapsed(MariadbDefinitions.withoutOwnDatabase(rows.getString(2), this.database)));
				relation.facts.put("options", ("check option " + rows.getString(3) + " sql security " + rows.getString(4))
					.toLowerCase(Locale.ROOT));
			}
		});
	}

	private List<Relation> snapshotRelations() {
		List<Relation> snapshot = new ArrayList<>(this.relations.size());
		for (ReadRelation relation : this.relations.values()) {
			snapshot.add(new Relation(relation.name, relation.kind, relation.columns, relation.facts));
		}
		return snapshot;
	}

	private void query(String sql, RowReader reader) throws SQLException {
		query(this.connection, this.database, sql, reader);
	}

	/** Runs a query whose one parameter is the database, handing each row to the reader. */
	static void query(Connection connection, String database, String sql, RowReader reader) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					reader.read(rows);
				}
			}
		}
	}

	private static String blank(String value) {
		return (value != null) ? value : "";
	}

	@FunctionalInterface
	interface RowReader {

		void read(ResultSet rows) throws SQLException;

	}

	/** A relation while its rows are read. */
	private static final class ReadRelation {

		final String name;

		final Relation.Kind kind;

		final List<String> columns = new ArrayList<>();

		final Map<String, String> facts = new TreeMap<>();

		ReadRelation(String name, Relation.Kind kind) {
			this.name = name;
			this.kind = kind;
		}

	}

}
