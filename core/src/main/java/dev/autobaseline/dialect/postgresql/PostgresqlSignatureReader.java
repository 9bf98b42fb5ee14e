package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.dialect.Dialect;

/**
 * Reads PostgreSQL signatures: relation names and kinds, column names, and when asked the types,
 * functions and sequences in full, as {@link PostgresqlCatalogReader} reads them. Cheap on every
 * replayed version: column names are read again only for relations whose catalog rows a
 * transaction wrote since the previous signature ({@code xmin}), and unchanged relations are the
 * previous signature's instances.
 */
final class PostgresqlSignatureReader {

	/** The relations of the previous signature by oid, with the kind and column list they were read from. */
	private Map<Long, SignatureRow> previousSignatureOids = Map.of();

	/** The database of the previous signature: only there are its oids and its horizon trusted. */
	private String previousSignatureDatabase;

	/**
	 * A transaction id (32 bits) below which every catalog row was already seen by the previous
	 * signature: {@code pg_snapshot_xmin} taken before it read, so every transaction older had ended
	 * and its rows were visible to that read. {@code null} before the first signature.
	 */
	private Long signatureHorizon;

	private Map<String, String> previousSignatureObjects = Map.of();

	/** How many relations the last signature read the columns of; the others were the previous signature's. */
	private int signatureColumnsRead;

	/** The relations of signatures of names only, by name: consecutive ones share unchanged relations. */
	private Map<String, Relation> namedRelations = Map.of();

	/**
	 * A signature of every user schema: relations with their column names (no facts, nothing
	 * deparsed) and, when asked, the types, functions and sequences in full (which a candidate test
	 * at {@code strict} compares). Objects are read with {@code search_path} set to
	 * {@code pg_catalog} as in {@link #read}: in autocommit for the round trip only, inside a
	 * transaction (the replay's callback) saved in a custom setting and restored by the round
	 * trip's last statement; names and columns do not depend on it.
	 * <p>
	 * Otherwise relation names and kinds are read first, with the objects, in one
	 * round trip (a listing of {@code pg_class} costs a fifth of reading every column list), and
	 * column names in a second one only when {@code columnsWanted} asks for them; otherwise the
	 * result is a signature of names only. With {@link Dialect.ColumnsWanted#ALWAYS}, column names are read at once.
	 * <p>
	 * Column names are read only for relations whose {@code pg_class} row or any of whose
	 * {@code pg_attribute} rows a transaction at or after the horizon of the previous read of
	 * column names wrote ({@code xmin}): a column added, dropped or renamed, a view replaced.
	 * Other relations keep the column list read then, by oid. A relation whose kind and column list
	 * are those of the previous signature is that signature's instance, not parsed again.
	 */
	synchronized CatalogSnapshot readSignature(Connection connection, boolean withObjects,
			Dialect.ColumnsWanted columnsWanted) throws SQLException {
		Map<String, String> objects = new HashMap<>();
		Map<String, Relation> named = new LinkedHashMap<>();
		if (withObjects || columnsWanted != Dialect.ColumnsWanted.ALWAYS) {
			List<String> queries = new ArrayList<>();
			boolean local = connection.getAutoCommit();
			if (withObjects && !local) {
				queries.add("SELECT pg_catalog.set_config('" + SAVED_SEARCH_PATH
						+ "', pg_catalog.current_setting('search_path'), false)");
			}
			if (withObjects) {
				queries.add("SELECT pg_catalog.set_config('search_path', 'pg_catalog', " + local + ")");
			}
			int first = queries.size();
			queries.add((columnsWanted != Dialect.ColumnsWanted.ALWAYS) ? namesSql() : "SELECT 1 WHERE false");
			if (withObjects) {
				queries.addAll(List.of(PostgresqlCatalogReader.typesSql(null), PostgresqlCatalogReader.functionsSql(null), PostgresqlCatalogReader.sequencesSql(null)));
			}
			if (withObjects && !local) {
				queries.add("SELECT pg_catalog.set_config('search_path', pg_catalog.current_setting('"
						+ SAVED_SEARCH_PATH + "'), false)");
			}
			PostgresqlCatalogReader.execute(connection, queries, null, (query, rows) -> {
				switch (query - first) {
					case 0 -> readNames(rows, named);
					case 1 -> PostgresqlCatalogReader.readTypes(rows, objects);
					case 2 -> PostgresqlCatalogReader.readFunctions(rows, objects);
					case 3 -> PostgresqlCatalogReader.readSequences(rows, objects);
					default -> {
					}
				}
			});
		}
		if (!objects.equals(this.previousSignatureObjects)) {
			this.previousSignatureObjects = new CatalogSnapshot(Map.of(), objects).objects();
		}
		Map<String, String> read = withObjects ? this.previousSignatureObjects : Map.of();
		if (columnsWanted != Dialect.ColumnsWanted.ALWAYS) {
			this.namedRelations = named;
			CatalogSnapshot names = new CatalogSnapshot(named, read, false, withObjects, false);
			if (!columnsWanted.test(names)) {
				return names;
			}
		}
		return new CatalogSnapshot(readColumns(connection), read, false, withObjects, true);
	}

	/** Relations with their names and kinds only, the previous signature of names only's instances where unchanged. */
	private void readNames(ResultSet rows, Map<String, Relation> named) throws SQLException {
		while (rows.next()) {
			String name = rows.getString(1) + "." + rows.getString(2);
			Relation.Kind kind = kind(rows.getString(3));
			Relation previous = this.namedRelations.get(name);
			named.put(name, (previous != null && previous.kind() == kind) ? previous : new Relation(name, kind, List.of()));
		}
	}

	private static Relation.Kind kind(String relkind) {
		return ("v".equals(relkind) || "m".equals(relkind)) ? Relation.Kind.VIEW : Relation.Kind.TABLE;
	}

	/** Every relation with its column names, in one round trip (a second for relations no earlier read listed). */
	private Map<String, Relation> readColumns(Connection connection) throws SQLException {
		Map<String, SignatureRow> relations = new LinkedHashMap<>();
		Map<Long, SignatureRow> byOid = new HashMap<>();
		String[] database = new String[2];
		List<Listed> unread = new ArrayList<>();
		int[] columnsRead = new int[1];
		// The horizon is taken before the listing's own snapshot: every transaction below it ended before the listing read.
		boolean since = this.signatureHorizon != null;
		List<String> queries = List.of("SELECT pg_catalog.current_database(),"
				+ " pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot())::text", signatureSql(since));
		List<String> parameters = since
				? List.of(this.previousSignatureDatabase, this.signatureHorizon.toString(), this.signatureHorizon.toString())
				: List.of();
		PostgresqlCatalogReader.execute(connection, queries, null, parameters, (query, rows) -> {
			if (query == 0) {
				rows.next();
				database[0] = rows.getString(1);
				database[1] = rows.getString(2);
			}
			else {
				columnsRead[0] = readSignatureRows(rows, relations, byOid, unread);
			}
		});
		if (!unread.isEmpty()) {
			// Unchanged rows the previous signature did not list (a table no longer an extension's member).
			Map<Long, String> columns = columnListsOf(connection, unread.stream().map(Listed::oid).toList());
			for (Listed listed : unread) {
				SignatureRow row = signatureRow(listed.name(), listed.kind(),
						columns.getOrDefault(listed.oid(), "0" + COUNT_END), connection, listed.oid());
				relations.put(listed.name(), row);
				byOid.put(listed.oid(), row);
			}
			columnsRead[0] += unread.size();
		}
		this.previousSignatureOids = byOid;
		this.previousSignatureDatabase = database[0];
		this.signatureHorizon = Long.parseLong(database[1]) & 0xFFFFFFFFL;
		this.signatureColumnsRead = columnsRead[0];
		Map<String, Relation> byName = new LinkedHashMap<>();
		relations.forEach((name, row) -> byName.put(name, row.relation()));
		return byName;
	}

	/** How many relations the last signature read the columns of (the others kept the previous signature's). */
	synchronized int signatureColumnsRead() {
		return this.signatureColumnsRead;
	}

	/** A relation of a signature and the kind and column list it was made from. */
	private record SignatureRow(String kind, String columns, Relation relation) {
	}

	/** A relation listed unchanged whose columns no earlier signature holds. */
	private record Listed(String name, String kind, long oid) {
	}

	/** Where a signature read inside a transaction keeps the session's search_path meanwhile. */
	private static final String SAVED_SEARCH_PATH = "autobaseline.saved_search_path";

	/** PostgreSQL's FirstNormalObjectId: objects initdb made have lower oids, those users make never do. */
	private static final int FIRST_NORMAL_OID = 16384;

	/** Between the column count and the names, and between names: control characters no one names a column with. */
	private static final char COUNT_END = 30;

	private static final char NAME_END = 31;

	/**
	 * Every relation with its column count and names as one string, so that an unchanged relation
	 * costs one string comparison; a name holding the separator shows in the count, and that
	 * relation is read as an array instead. With a horizon, the column list only of relations
	 * whose catalog rows a transaction at or after it wrote ({@code age} compares transaction ids
	 * modulo 2^32 from the same base; a frozen or special id counts as old), and null for the others.
	 * The horizon's parameters are the previous signature's database, then its horizon twice.
	 * <p>
	 * Only rows of user relations' columns are aged: every relation a user makes has an oid of at
	 * least {@value #FIRST_NORMAL_OID}, and the columns added, dropped or renamed are those numbered
	 * above 0 (a cheaper filter than the age, which the server evaluates first).
	 */
	private static String signatureSql(boolean sinceHorizon) {
		String columns = "(SELECT count(*)::text || chr(" + (int) COUNT_END + ") || coalesce(string_agg(a.attname::text, chr("
				+ (int) NAME_END + ") ORDER BY a.attnum), '') FROM pg_catalog.pg_attribute a"
				+ " WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)";
		if (sinceHorizon) {
			// A sub-select, so that the server computes it once and not for every row it compares.
			String since = "(SELECT pg_catalog.age(?::text::xid))";
			columns = "CASE WHEN pg_catalog.current_database() <> ? OR pg_catalog.age(c.xmin) <= " + since
					+ " OR c.oid IN (SELECT w.attrelid FROM pg_catalog.pg_attribute w WHERE w.attrelid >= "
					+ FIRST_NORMAL_OID + " AND w.attnum > 0 AND pg_catalog.age(w.xmin) <= " + since + ") THEN " + columns
					+ " END";
		}
		return "SELECT n.nspname, c.relname, c.relkind, " + columns + ", c.oid"
				+ " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')" + PostgresqlCatalogReader.scoped(null) + " AND (" + PostgresqlCatalogReader.NO_EXTENSIONS + " OR "
				+ PostgresqlCatalogReader.NOT_EXTENSION_MEMBER + ")";
	}

	/** Every relation's schema, name and kind, as {@link #signatureSql} lists them. */
	private static String namesSql() {
		return "SELECT n.nspname, c.relname, c.relkind"
				+ " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')" + PostgresqlCatalogReader.scoped(null) + " AND (" + PostgresqlCatalogReader.NO_EXTENSIONS + " OR "
				+ PostgresqlCatalogReader.NOT_EXTENSION_MEMBER + ")";
	}

	/** @return how many relations' column lists the rows held */
	private int readSignatureRows(ResultSet rows, Map<String, SignatureRow> relations, Map<Long, SignatureRow> byOid,
			List<Listed> unread) throws SQLException {
		int read = 0;
		while (rows.next()) {
			String kind = rows.getString(3);
			String name = rows.getString(1) + "." + rows.getString(2);
			String columns = rows.getString(4);
			long oid = rows.getLong(5);
			if (columns == null) {
				// No catalog row of it changed since the previous signature: its column list is that one's.
				SignatureRow unchanged = this.previousSignatureOids.get(oid);
				if (unchanged == null) {
					unread.add(new Listed(name, kind, oid));
					continue;
				}
				columns = unchanged.columns();
			}
			else {
				read++;
			}
			SignatureRow row = signatureRow(name, kind, columns, rows.getStatement().getConnection(), oid);
			relations.put(name, row);
			byOid.put(oid, row);
		}
		return read;
	}

	/** The previous signature's row of the oid when name, kind and column list are its, else a new one. */
	private SignatureRow signatureRow(String name, String kind, String columns, Connection connection, long oid)
			throws SQLException {
		SignatureRow previous = this.previousSignatureOids.get(oid);
		if (previous != null && previous.relation().name().equals(name) && previous.kind().equals(kind)
				&& previous.columns().equals(columns)) {
			return previous;
		}
		List<String> names = columnNames(columns);
		if (names == null) {
			names = columnNamesOf(connection, oid);
		}
		return new SignatureRow(kind, columns, new Relation(name, kind(kind), names));
	}

	/** The column lists of the relations, in the signature's form, by oid; a relation without columns is absent. */
	private static Map<Long, String> columnListsOf(Connection connection, List<Long> oids) throws SQLException {
		Map<Long, List<String>> names = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT a.attrelid, a.attname::text"
				+ " FROM pg_catalog.pg_attribute a WHERE a.attrelid = ANY (?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped"
				+ " ORDER BY a.attrelid, a.attnum")) {
			statement.setArray(1, connection.createArrayOf("int8", oids.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.computeIfAbsent(rows.getLong(1), (oid) -> new ArrayList<>()).add(rows.getString(2));
				}
			}
		}
		Map<Long, String> lists = new HashMap<>();
		names.forEach((oid, list) -> lists.put(oid, list.size() + String.valueOf(COUNT_END)
				+ String.join(String.valueOf(NAME_END), list)));
		return lists;
	}

	/** The names of a column list, or {@code null} when a name holds a separator. */
	static List<String> columnNames(String columns) {
		int end = columns.indexOf(COUNT_END);
		int count = Integer.parseInt(columns.substring(0, end));
		if (count == 0) {
			return (end == columns.length() - 1) ? List.of() : null;
		}
		List<String> names = new ArrayList<>(count);
		int from = end + 1;
		for (int to = columns.indexOf(NAME_END, from); to >= 0; to = columns.indexOf(NAME_END, from)) {
			names.add(columns.substring(from, to));
			from = to + 1;
		}
		names.add(columns.substring(from));
		return (names.size() == count && columns.indexOf(COUNT_END, end + 1) < 0) ? names : null;
	}

	private static List<String> columnNamesOf(Connection connection, long oid) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname::text FROM pg_catalog.pg_attribute a"
				+ " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
			statement.setLong(1, oid);
			List<String> names = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			return names;
		}
	}

}
