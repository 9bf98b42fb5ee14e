package dev.autobaseline.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.autobaseline.catalog.Relation;
import dev.autobaseline.dialect.sqlite.SqliteTokenizer.Token;

/**
 * Reads SQLite relations in full, for the tables and views named: columns (type by affinity,
 * nullability, default, collation, generation), primary key, unique constraints, foreign keys,
 * checks, indexes, triggers and view definitions. One flat query per kind of object; names in
 * lower case, as SQLite compares them.
 */
final class SqliteCatalogReader {

	private static final String RELATIONS = " FROM sqlite_master m WHERE m.type IN ('table', 'view')"
			+ " AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

	private final Connection connection;

	private final List<String> names;

	private final boolean all;

	private final Map<String, Content> byName = new HashMap<>();

	/**
	 * @param names the relations to read, as sqlite_master names them
	 * @param relations how many relations the database has: a read of most of them reads all
	 */
	SqliteCatalogReader(Connection connection, List<String> names, int relations) {
		this.connection = connection;
		this.names = names;
		this.all = names.size() > 200 || names.size() * 2 > relations;
		names.forEach((name) -> this.byName.put(name.toLowerCase(Locale.ROOT), new Content()));
	}

	/** The named relations by name (their kind and key come from the listing). */
	Map<String, Relation> read() throws SQLException {
		readStatements();
		readColumns();
		readIndexes();
		readForeignKeys();
		readTriggers();
		Map<String, Relation> relations = new HashMap<>();
		for (String name : this.names) {
			Content content = this.byName.get(name.toLowerCase(Locale.ROOT));
			relations.put(name, new Relation(name, Relation.Kind.TABLE, content.columns, content.facts));
		}
		return relations;
	}

	private void readStatements() throws SQLException {
		query("SELECT m.name, m.type, m.sql" + RELATIONS + filter(), (rows, content) -> {
			String sql = rows.getString(3);
			if (sql == null) {
				return;
			}
			if ("view".equals(rows.getString(2))) {
				content.facts.put("definition", SqliteDefinitions.view(sql));
				return;
			}
			SqliteCreateTable table = SqliteCreateTable.parse(sql);
			table.checks().forEach((check) -> content.facts.put("check (" + check + ")", ""));
			content.extras = table.columnExtras();
		});
	}

	/** Columns in order, generated ones included (hidden 2 and 3; 1 is a virtual table's hidden column). */
	private void readColumns() throws SQLException {
		query("SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM sqlite_master m"
				+ " JOIN pragma_table_xinfo(m.name, 'main') p" + RELATIONS.substring(RELATIONS.indexOf(" WHERE")) + " AND p.hidden <> 1" + filter()
				+ " ORDER BY m.name, p.cid", (rows, content) -> {
					String column = rows.getString(2).toLowerCase(Locale.ROOT);
					content.columns.add(column);
					String extra = content.extras.get(column);
					content.facts.put("column " + column, SqliteDefinitions.column(rows.getString(3), rows.getBoolean(4),
							rows.getString(5), extra));
					if (rows.getInt(6) > 0) {
						content.primaryKey.put(rows.getInt(6), column);
					}
				});
		this.byName.values().forEach(Content::addPrimaryKey);
	}

	private void readIndexes() throws SQLException {
		// Unique constraints are indexes SQLite names itself (origin 'u'); the primary key is read above.
		query("SELECT m.name, l.\"unique\", l.origin, s.sql, (SELECT group_concat(lower(coalesce(x.name, '?'))"
				+ " || CASE WHEN x.\"desc\" THEN ' desc' ELSE '' END, ', ') FROM (SELECT * FROM pragma_index_xinfo(l.name, 'main')"
				+ " WHERE key ORDER BY seqno) x) FROM sqlite_master m JOIN pragma_index_list(m.name, 'main') l"
				+ " LEFT JOIN sqlite_master s ON s.type = 'index' AND s.name = l.name"
				+ RELATIONS.substring(RELATIONS.indexOf(" WHERE")) + filter(), (rows, content) -> {
					String origin = rows.getString(3);
					if ("u".equals(origin)) {
						content.facts.put("unique (" + rows.getString(5) + ")", "");
					}
					else if ("c".equals(origin) && rows.getString(4) != null) {
						content.facts.put(SqliteDefinitions.index(rows.getString(4)), "");
					}
				});
	}

	private void readForeignKeys() throws SQLException {
		Map<String, String[]> keys = new TreeMap<>();
		query("SELECT m.name, f.id, f.\"table\", f.\"from\", coalesce(f.\"to\", (SELECT p.name FROM pragma_table_info(f.\"table\", 'main') p"
				+ " WHERE p.pk = f.seq + 1)), f.on_update, f.on_delete FROM sqlite_master m JOIN pragma_foreign_key_list(m.name, 'main') f"
				+ RELATIONS.substring(RELATIONS.indexOf(" WHERE")) + filter() + " ORDER BY m.name, f.id, f.seq",
				(rows, content) -> {
					String key = rows.getString(1).toLowerCase(Locale.ROOT) + '\0' + rows.getInt(2);
					String[] key0 = keys.computeIfAbsent(key, (k) -> new String[] { "", "", "", "", "" });
					key0[0] = rows.getString(1).toLowerCase(Locale.ROOT);
					key0[1] += (key0[1].isEmpty() ? "" : ", ") + rows.getString(4).toLowerCase(Locale.ROOT);
					key0[2] = rows.getString(3).toLowerCase(Locale.ROOT);
					key0[3] += (key0[3].isEmpty() ? "" : ", ") + String.valueOf(rows.getString(5)).toLowerCase(Locale.ROOT);
					key0[4] = action("update", rows.getString(6)) + action("delete", rows.getString(7));
				});
		for (String[] key : keys.values()) {
			this.byName.get(key[0]).facts.put("fk (" + key[1] + ") -> " + key[2] + "(" + key[3] + ")" + key[4], "");
		}
	}

	private static String action(String event, String action) {
		return (action == null || "NO ACTION".equalsIgnoreCase(action)) ? ""
				: " on " + event + " " + action.toLowerCase(Locale.ROOT);
	}

	private void readTriggers() throws SQLException {
		String sql = "SELECT t.tbl_name, t.name, t.sql FROM sqlite_master t WHERE t.type = 'trigger' AND t.sql IS NOT NULL"
				+ (this.all ? "" : " AND lower(t.tbl_name) IN (" + placeholders() + ")");
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			if (!this.all) {
				for (int i = 0; i < this.names.size(); i++) {
					statement.setString(i + 1, this.names.get(i).toLowerCase(Locale.ROOT));
				}
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					Content content = this.byName.get(rows.getString(1).toLowerCase(Locale.ROOT));
					if (content != null) {
						List<Token> tokens = SqliteTokenizer.tokenize(rows.getString(3));
						content.facts.put("trigger " + rows.getString(2).toLowerCase(Locale.ROOT), SqliteTokenizer.render(tokens));
					}
				}
			}
		}
	}

	private String filter() {
		return this.all ? "" : " AND m.name IN (" + placeholders() + ")";
	}

	private String placeholders() {
		return String.join(", ", Collections.nCopies(this.names.size(), "?"));
	}

	private void query(String sql, RowReader reader) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			if (!this.all) {
				for (int i = 0; i < this.names.size(); i++) {
					statement.setString(i + 1, this.names.get(i));
				}
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					Content content = this.byName.get(rows.getString(1).toLowerCase(Locale.ROOT));
					if (content != null) {
						reader.read(rows, content);
					}
				}
			}
		}
	}

	@FunctionalInterface
	private interface RowReader {

		void read(ResultSet rows, Content content) throws SQLException;

	}

	/** What the queries found of one relation. */
	private static final class Content {

		final List<String> columns = new ArrayList<>();

		final Map<String, String> facts = new TreeMap<>();

		final TreeMap<Integer, String> primaryKey = new TreeMap<>();

		Map<String, String> extras = Map.of();

		void addPrimaryKey() {
			if (!this.primaryKey.isEmpty()) {
				this.facts.put("pk (" + String.join(", ", this.primaryKey.values()) + ")", "");
			}
		}

	}

}
