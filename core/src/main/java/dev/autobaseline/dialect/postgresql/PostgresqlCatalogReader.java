package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.catalog.RelationCache;

/**
 * Reads a PostgreSQL catalog in full ({@link PostgresqlSignatureReader} reads signatures): relations with their columns (type, nullability, default,
 * identity, generation, collation), constraints, indexes, triggers and view definitions; enum
 * types, domains, functions and standalone sequences. One flat query per kind of object, with
 * {@code search_path} set to {@code pg_catalog} meanwhile so that deparsed definitions qualify
 * every name the same way on every connection, then restored. Deparsing is what costs: a
 * relation whose catalog rows are those an earlier read saw is taken from that read.
 */
final class PostgresqlCatalogReader {

	static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
			+ " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

	static final String NO_EXTENSIONS = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE e.extname <> 'plpgsql')";

	private final RelationCache relations;

	private Map<String, String> previousObjects = Map.of();

	/** The database and its schemas at the previous read: another means no relation read earlier is trusted. */
	private String previousScope = "";

	/** Bumped whenever relations read earlier are no longer trusted; part of every content key. */
	private long epoch;

	PostgresqlCatalogReader(RelationCache relations) {
		this.relations = relations;
	}

	/**
	 * The catalog of the given schemas ({@code null} for every user schema). Two round trips: the
	 * first sets {@code search_path} to {@code pg_catalog} and lists every relation with a
	 * signature of its catalog rows, and the types, functions and sequences; the second reads the
	 * relations whose signature an earlier read did not see. pgjdbc sends the statements of one
	 * string together, in one implicit transaction when the connection is in autocommit: there
	 * the setting is local to each round trip and the session never sees it (nor does another
	 * client behind a transaction pooler). Inside a transaction (the replay's callback) the
	 * setting is saved and restored in the second round trip.
	 */
	synchronized CatalogSnapshot read(Connection connection, Collection<String> schemas) throws SQLException {
		boolean local = connection.getAutoCommit();
		List<String> first = List.of("SELECT pg_catalog.current_setting('search_path'),"
				+ " pg_catalog.set_config('search_path', 'pg_catalog', " + local + "), pg_catalog.current_database(),"
				+ " (SELECT string_agg(s.xmin::text || s.ctid::text, ',') FROM pg_catalog.pg_namespace s)",
				listingSql(schemas), typesSql(schemas), functionsSql(schemas), sequencesSql(schemas));
		Read read = new Read();
		read.restored = local;
		List<RelationCache.Listed> listed = new ArrayList<>();
		try {
			execute(connection, first, (schemas != null) ? connection.createArrayOf("text", schemas.toArray()) : null,
					(query, rows) -> {
						switch (query) {
							case 0 -> read.context(rows);
							case 1 -> readListing(rows, listed);
							case 2 -> readTypes(rows, read.objects);
							case 3 -> readFunctions(rows, read.objects);
							default -> readSequences(rows, read.objects);
						}
					});
			// What relations hold deparses names of types, functions, schemas and other tables: when any
			// of those changed, no relation read earlier is trusted.
			if (!read.objects.equals(this.previousObjects) || !read.scope.equals(this.previousScope)) {
				this.epoch++;
				this.previousScope = read.scope;
			}
			List<RelationCache.Listed> keyed = new ArrayList<>(listed.size());
			for (RelationCache.Listed relation : listed) {
				keyed.add(new RelationCache.Listed(relation.name(), relation.kind(),
						(relation.contentKey() != null) ? this.epoch + "/" + relation.contentKey() : null, relation.handle()));
			}
			CatalogSnapshot snapshot = this.relations.readContent(keyed, (oids) -> readRelations(connection, oids, read));
			// Unchanged objects: the previous read's instance, so that consecutive snapshots share it.
			if (!read.objects.equals(this.previousObjects)) {
				this.previousObjects = snapshot.withObjects(read.objects).objects();
			}
			return snapshot.withObjects(this.previousObjects);
		}
		finally {
			if (read.searchPath != null && !read.restored) {
				setSearchPath(connection, read.searchPath);
			}
		}
	}

	/** What one read found before it reads relations. */
	private static final class Read {

		String searchPath;

		String scope = "";

		boolean restored;

		final Map<String, String> objects = new HashMap<>();

		void context(ResultSet rows) throws SQLException {
			if (rows.next()) {
				this.searchPath = rows.getString(1);
				this.scope = rows.getString(3) + "/" + rows.getString(4);
			}
		}

	}

	/**
	 * The relations by oid, read in full: in autocommit with search_path set for this round trip
	 * only, else with it restored at the end.
	 */
	private static Map<String, Relation> readRelations(Connection connection, List<String> oids, Read read)
			throws SQLException {
		boolean local = connection.getAutoCommit();
		List<String> queries = List.of(relationsSql(), constraintsSql(), indexesSql(), triggersSql(), viewsSql(),
				local ? "SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)"
						: "SELECT pg_catalog.set_config('search_path', ?, false)");
		if (local) {
			// The setting first: a local SET lasts for this round trip.
			queries = new ArrayList<>(queries);
			queries.add(0, queries.remove(queries.size() - 1));
		}
		int first = local ? 1 : 0;
		Map<Long, ReadRelation> relations = new LinkedHashMap<>();
		for (String oid : oids) {
			relations.put(Long.valueOf(oid), new ReadRelation(oid));
		}
		java.sql.Array array = connection.createArrayOf("oid", oids.stream().map(Long::valueOf).toArray());
		execute(connection, queries, array, local ? List.of() : List.of(read.searchPath), (query, rows) -> {
			switch (query - first) {
				case 0 -> readColumns(rows, relations);
				case 1 -> readConstraints(rows, relations);
				case 2 -> readIndexes(rows, relations);
				case 3 -> readTriggers(rows, relations);
				case 4 -> readViews(rows, relations);
				default -> read.restored = true;
			}
		});
		Map<String, Relation> byOid = new HashMap<>();
		relations.forEach((oid, relation) -> byOid.put(String.valueOf(oid), relation.toRelation()));
		return byOid;
	}

	@FunctionalInterface
	interface RowsReader {

		void read(int query, ResultSet rows) throws SQLException;

	}

	static void execute(Connection connection, List<String> queries, java.sql.Array array, RowsReader reader)
			throws SQLException {
		execute(connection, queries, array, List.of(), reader);
	}

	/**
	 * Runs the queries in one round trip, the array bound to every parameter but those of the last
	 * query when {@code last} is given: they take its values in order. The same
	 * text on the same connection is prepared once by the driver after a few runs, so a query
	 * run after every migration keeps its values out of its text.
	 */
	static void execute(Connection connection, List<String> queries, java.sql.Array array, List<String> last,
			RowsReader reader) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", queries))) {
			int parameter = 1;
			for (int i = 0; i < queries.size(); i++) {
				int marks = (int) queries.get(i).chars().filter((c) -> c == '?').count();
				for (int m = 0; m < marks; m++) {
					if (!last.isEmpty() && i == queries.size() - 1) {
						statement.setString(parameter++, last.get(m));
					}
					else {
						statement.setArray(parameter++, array);
					}
				}
			}
			boolean results = statement.execute();
			for (int query = 0; query < queries.size(); query++) {
				if (!results) {
					throw new SQLException("The catalog query " + query + " returned no rows");
				}
				try (ResultSet rows = statement.getResultSet()) {
					reader.read(query, rows);
				}
				results = statement.getMoreResults();
			}
		}
	}

	/**
	 * Every relation with a signature of the catalog rows its facts are read from: its own row,
	 * its columns, defaults, constraints (and for foreign keys the referenced table and columns),
	 * indexes and triggers. Each row counts by version ({@code xmin}) and place ({@code ctid}): a
	 * change, even twice in one transaction, gives another signature. Views are read every time
	 * (their definitions deparse other relations' names).
	 */
	private static String listingSql(Collection<String> schemas) {
		String version = ".xmin::text || '@' || %s.ctid::text";
		return "SELECT c.oid, n.nspname, c.relname, c.relkind, c.xmin::text || '@' || c.ctid::text"
				+ " || ':' || coalesce((SELECT string_agg(a" + String.format(version, "a") + ", ',') FROM pg_catalog.pg_attribute a"
				+ " WHERE a.attrelid = c.oid AND a.attnum > 0), '')"
				+ " || ':' || coalesce((SELECT string_agg(d" + String.format(version, "d") + ", ',') FROM pg_catalog.pg_attrdef d"
				+ " WHERE d.adrelid = c.oid), '')"
				+ " || ':' || coalesce((SELECT string_agg(k" + String.format(version, "k") + " || coalesce(r" + String.format(version, "r")
				+ ", ''), ',') FROM pg_catalog.pg_constraint k LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid"
				+ " WHERE k.conrelid = c.oid), '')"
				+ " || ':' || coalesce((SELECT string_agg(ra" + String.format(version, "ra") + ", ',') FROM pg_catalog.pg_constraint k"
				+ " JOIN pg_catalog.pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = ANY (k.confkey)"
				+ " WHERE k.conrelid = c.oid AND k.contype = 'f'), '')"
				+ " || ':' || coalesce((SELECT string_agg(i" + String.format(version, "i") + " || ic" + String.format(version, "ic")
				+ ", ',') FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid), '')"
				+ " || ':' || coalesce((SELECT string_agg(t" + String.format(version, "t") + ", ',') FROM pg_catalog.pg_trigger t"
				+ " WHERE t.tgrelid = c.oid), '')"
				+ " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')" + scoped(schemas) + " AND (" + NO_EXTENSIONS + " OR "
				+ NOT_EXTENSION_MEMBER + ")";
	}

	private static void readListing(ResultSet rows, List<RelationCache.Listed> listed) throws SQLException {
		while (rows.next()) {
			String kind = rows.getString(4);
			boolean view = "v".equals(kind) || "m".equals(kind);
			listed.add(new RelationCache.Listed(rows.getString(2) + "." + rows.getString(3),
					view ? Relation.Kind.VIEW : Relation.Kind.TABLE, view ? null : rows.getString(5), rows.getString(1)));
		}
	}

	private static void setSearchPath(Connection connection, String searchPath) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, false)")) {
			statement.setString(1, searchPath);
			statement.execute();
		}
	}

	static String scoped(Collection<String> schemas) {
		return " AND " + PostgresqlDialect.USER_SCHEMAS + ((schemas != null) ? " AND n.nspname = ANY (?)" : "");
	}

	/** Columns of the relations, unsorted (sorting cost as much as the rest): attribute numbers order them. */
	private static String relationsSql() {
		return "SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
				+ " pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
				+ " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,"
				+ " ad.adbin IS NOT NULL AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend s"
				+ " WHERE s.refclassid = 'pg_catalog.pg_class'::regclass AND s.refobjid = a.attrelid AND s.refobjsubid = a.attnum"
				+ " AND s.classid = 'pg_catalog.pg_class'::regclass AND s.deptype IN ('a', 'i'))"
				+ " FROM pg_catalog.pg_attribute a"
				+ " LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
				+ " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
				+ " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
				+ " WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped";
	}

	private static void readColumns(ResultSet rows, Map<Long, ReadRelation> read) throws SQLException {
		while (rows.next()) {
			ReadRelation relation = read.get(rows.getLong(1));
			if (relation != null) {
				String column = rows.getString(3);
				relation.add(rows.getInt(2), column);
				relation.facts.put("column " + column, PostgresqlDefinitions.column(rows.getString(4), rows.getBoolean(5),
						rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getBoolean(10)));
			}
		}
	}

	private static String constraintsSql() {
		return "SELECT k.conrelid, pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k"
				+ " WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conrelid = ANY (?)";
	}

	private static void readConstraints(ResultSet rows, Map<Long, ReadRelation> read) throws SQLException {
		while (rows.next()) {
			ReadRelation relation = read.get(rows.getLong(1));
			if (relation != null) {
				String[] fact = PostgresqlDefinitions.constraint(rows.getString(2));
				relation.facts.put(fact[0], fact[1]);
			}
		}
	}

	/** Indexes, less those that back a primary key, unique or exclusion constraint (they are that constraint). */
	private static String indexesSql() {
		return "SELECT i.indrelid, pg_catalog.pg_get_indexdef(i.indexrelid), i.indisvalid FROM pg_catalog.pg_index i"
				+ " WHERE i.indrelid = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k"
				+ " WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))";
	}

	private static void readIndexes(ResultSet rows, Map<Long, ReadRelation> read) throws SQLException {
		while (rows.next()) {
			ReadRelation relation = read.get(rows.getLong(1));
			if (relation != null) {
				relation.facts.put(PostgresqlDefinitions.index(rows.getString(2)), rows.getBoolean(3) ? "" : "invalid");
			}
		}
	}

	private static String triggersSql() {
		return "SELECT t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled FROM pg_catalog.pg_trigger t"
				+ " WHERE NOT t.tgisinternal AND t.tgrelid = ANY (?)";
	}

	private static void readTriggers(ResultSet rows, Map<Long, ReadRelation> read) throws SQLException {
		while (rows.next()) {
			ReadRelation relation = read.get(rows.getLong(1));
			if (relation != null) {
				String enabled = "D".equals(rows.getString(4)) ? " (disabled)" : "";
				relation.facts.put("trigger " + rows.getString(2),
						PostgresqlDefinitions.whitespace(rows.getString(3)) + enabled);
			}
		}
	}

	private static String viewsSql() {
		return "SELECT c.oid, pg_catalog.pg_get_viewdef(c.oid) FROM pg_catalog.pg_class c"
				+ " WHERE c.relkind IN ('v', 'm') AND c.oid = ANY (?)";
	}

	private static void readViews(ResultSet rows, Map<Long, ReadRelation> read) throws SQLException {
		while (rows.next()) {
			ReadRelation relation = read.get(rows.getLong(1));
			if (relation != null) {
				relation.facts.put("definition", PostgresqlDefinitions.view(rows.getString(2)));
			}
		}
	}

	private static String notExtensionMember(String catalog) {
		return " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = o.oid AND d.deptype = 'e'"
				+ " AND d.classid = '" + catalog + "'::regclass)";
	}

	/** Enum types (labels in order) and domains. */
	static String typesSql(Collection<String> schemas) {
		return "SELECT n.nspname || '.' || o.typname, o.typtype,"
				+ " (SELECT string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
				+ " FROM pg_catalog.pg_enum e WHERE e.enumtypid = o.oid),"
				+ " pg_catalog.format_type(o.typbasetype, o.typtypmod), o.typnotnull, o.typdefault,"
				+ " (SELECT string_agg(pg_catalog.pg_get_constraintdef(k.oid), ' ' ORDER BY pg_catalog.pg_get_constraintdef(k.oid))"
				+ " FROM pg_catalog.pg_constraint k WHERE k.contypid = o.oid)"
				+ " FROM pg_catalog.pg_type o JOIN pg_catalog.pg_namespace n ON n.oid = o.typnamespace"
				+ " WHERE o.typtype IN ('e', 'd')" + scoped(schemas) + notExtensionMember("pg_catalog.pg_type");
	}

	static void readTypes(ResultSet rows, Map<String, String> objects) throws SQLException {
		while (rows.next()) {
			objects.put("type " + rows.getString(1), "e".equals(rows.getString(2)) ? "enum (" + rows.getString(3) + ")"
					: PostgresqlDefinitions.domain(rows.getString(4), rows.getBoolean(5), rows.getString(6), rows.getString(7)));
		}
	}

	/**
	 * Functions, procedures and aggregates by name and argument types; aggregates have no function
	 * definition ({@code pg_get_functiondef} raises) and are described from {@code pg_aggregate}.
	 * Definitions are kept as digests: bodies can be long.
	 */
	static String functionsSql(Collection<String> schemas) {
		return "SELECT o.prokind, n.nspname || '.' || o.proname || '(' || pg_catalog.oidvectortypes(o.proargtypes) || ')',"
				+ " CASE WHEN o.prokind = 'a' THEN (SELECT 'sfunc ' || a.aggtransfn::regprocedure || ' stype ' || a.aggtranstype::regtype"
				+ " || coalesce(' finalfunc ' || NULLIF(a.aggfinalfn, 0)::regprocedure, '') || coalesce(' initcond ' || a.agginitval, '')"
				+ " FROM pg_catalog.pg_aggregate a WHERE a.aggfnoid = o.oid)"
				+ " ELSE 'md5 ' || pg_catalog.md5(pg_catalog.pg_get_functiondef(o.oid)) END"
				+ " FROM pg_catalog.pg_proc o JOIN pg_catalog.pg_namespace n ON n.oid = o.pronamespace WHERE true"
				+ scoped(schemas) + notExtensionMember("pg_catalog.pg_proc");
	}

	static void readFunctions(ResultSet rows, Map<String, String> objects) throws SQLException {
		while (rows.next()) {
			String kind = switch (rows.getString(1)) {
				case "p" -> "procedure ";
				case "a" -> "aggregate ";
				default -> "function ";
			};
			objects.put(kind + rows.getString(2), rows.getString(3));
		}
	}

	/** Sequences no column owns (serial and identity sequences are their column's default). */
	static String sequencesSql(Collection<String> schemas) {
		return "SELECT n.nspname || '.' || o.relname, s.seqtypid::regtype, s.seqstart, s.seqincrement,"
				+ " s.seqmin, s.seqmax, s.seqcycle FROM pg_catalog.pg_class o JOIN pg_catalog.pg_namespace n ON n.oid = o.relnamespace"
				+ " JOIN pg_catalog.pg_sequence s ON s.seqrelid = o.oid WHERE o.relkind = 'S'" + scoped(schemas)
				+ " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = o.oid"
				+ " AND d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i', 'e'))";
	}

	static void readSequences(ResultSet rows, Map<String, String> objects) throws SQLException {
		while (rows.next()) {
			objects.put("sequence " + rows.getString(1), rows.getString(2) + " start " + rows.getLong(3) + " increment "
					+ rows.getLong(4) + " min " + rows.getLong(5) + " max " + rows.getLong(6)
					+ (rows.getBoolean(7) ? " cycle" : ""));
		}
	}

	/** A relation as the rows of the catalog query bring it, columns in any order. */
	private static final class ReadRelation {

		private final String name;

		private final List<String> columns = new ArrayList<>();

		private final List<Integer> numbers = new ArrayList<>();

		private final Map<String, String> facts = new TreeMap<>();

		private boolean sorted = true;

		/** @param name the relation's handle: its name and kind come from the listing */
		ReadRelation(String name) {
			this.name = name;
		}

		void add(int number, String column) {
			this.sorted &= this.numbers.isEmpty() || this.numbers.get(this.numbers.size() - 1) < number;
			this.numbers.add(number);
			this.columns.add(column);
		}

		Relation toRelation() {
			if (this.sorted) {
				return new Relation(this.name, Relation.Kind.TABLE, this.columns, this.facts);
			}
			TreeMap<Integer, String> byNumber = new TreeMap<>();
			for (int i = 0; i < this.columns.size(); i++) {
				byNumber.put(this.numbers.get(i), this.columns.get(i));
			}
			return new Relation(this.name, Relation.Kind.TABLE, List.copyOf(byNumber.values()), this.facts);
		}

	}

}
