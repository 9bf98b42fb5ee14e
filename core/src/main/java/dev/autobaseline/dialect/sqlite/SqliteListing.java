package dev.autobaseline.dialect.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.autobaseline.catalog.Relation;
import dev.autobaseline.catalog.RelationCache;

/**
 * Every table and view of {@code main} with its statement, {@code sqlite_%} tables left out, as
 * one value: a row per relation costs more through the driver than the catalog does. Each relation
 * is its name, type, statement and a null flag between ASCII unit separators, relations are
 * between record separators, in {@code sqlite_master} order.
 *
 * @param count how many relations there are
 * @param joined the relations joined, or {@code null} when there are none
 */
record SqliteListing(int count, String joined) {

	private static final char UNIT_SEPARATOR = 31;

	private static final char RECORD_SEPARATOR = 30;

	private static final String FROM = " FROM sqlite_master WHERE type IN ('table', 'view')"
			+ " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

	static SqliteListing read(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*), group_concat(name || char(31) || type"
						+ " || char(31) || coalesce(sql, '') || char(31) || (sql IS NULL), char(30))" + FROM)) {
			result.next();
			return new SqliteListing(result.getInt(1), result.getString(2));
		}
	}

	/** One table or view as {@code sqlite_master} lists it, its statement {@code null} when it has none. */
	record Row(String name, String type, String sql) {

		boolean isView() {
			return "view".equals(this.type);
		}

	}

	/**
	 * The relations, each keyed by its name, type and statement (a view by nothing: its columns
	 * follow the tables it selects from). A listing that does not split exactly is read again row
	 * by row.
	 */
	List<RelationCache.Listed> relations(Connection connection) throws SQLException {
		List<Row> split = split();
		List<Row> rows = (split != null) ? split : readRows(connection);
		List<RelationCache.Listed> listed = new ArrayList<>(rows.size());
		for (Row row : rows) {
			// The record itself (name, type, statement) is the content key; read row by row, name and statement.
			String contentKey = (split != null) ? row.name() + UNIT_SEPARATOR + row.type() + UNIT_SEPARATOR + row.sql()
					: row.name() + '\0' + row.sql();
			listed.add(listed(row, contentKey));
		}
		return listed;
	}

	/**
	 * The relations as the joined value holds them, or {@code null} when it does not split into
	 * exactly one record of four fields per relation (a name or statement holding a separator).
	 * Only a listing that splits stands for its relations exactly: two such listings are equal
	 * exactly when their tables and views (names, types, statements, order) are.
	 */
	List<Row> split() {
		if (this.count == 0) {
			return List.of();
		}
		String all = this.joined;
		List<Row> rows = new ArrayList<>(this.count);
		int start = 0;
		while (start <= all.length()) {
			int end = all.indexOf(RECORD_SEPARATOR, start);
			end = (end < 0) ? all.length() : end;
			int type = all.indexOf(UNIT_SEPARATOR, start);
			int sql = (type >= 0 && type < end) ? all.indexOf(UNIT_SEPARATOR, type + 1) : -1;
			int flag = (sql >= 0 && sql < end) ? all.indexOf(UNIT_SEPARATOR, sql + 1) : -1;
			int extra = (flag >= 0 && flag < end) ? all.indexOf(UNIT_SEPARATOR, flag + 1) : -1;
			boolean fourFields = flag >= 0 && flag < end && (extra < 0 || extra > end);
			if (!fourFields || rows.size() == this.count) {
				return null;
			}
			boolean noStatement = all.startsWith("1", flag + 1);
			rows.add(new Row(all.substring(start, type), all.substring(type + 1, sql),
					noStatement ? null : all.substring(sql + 1, flag)));
			start = end + 1;
		}
		return (rows.size() == this.count) ? rows : null;
	}

	/** The relations read row by row, for a listing that does not split exactly. */
	static List<Row> readRows(Connection connection) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT name, type, sql" + FROM)) {
			while (result.next()) {
				rows.add(new Row(result.getString(1), result.getString(2), result.getString(3)));
			}
		}
		return rows;
	}

	private static RelationCache.Listed listed(Row row, String contentKey) {
		// The key as SqliteDialect.relationKey makes it.
		return new RelationCache.Listed(row.name().toLowerCase(Locale.ROOT),
				row.isView() ? Relation.Kind.VIEW : Relation.Kind.TABLE,
				(row.isView() || row.sql() == null) ? null : contentKey, row.name());
	}

}
