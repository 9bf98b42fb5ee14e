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
 * Reads a PostgreSQL catalog in full: relations with their columns (type, nullability, default,
 * identity, generation, collation), constraints, indexes, triggers and view definitions; enum
 * types, domains, functions and standalone sequences. One flat query per kind of object, with
 * {@code search_path} set to {@code pg_catalog} meanwhile so that deparsed definitions qualify
 * every name the same way on every connection, then restored.
 */
final class PostgresqlCatalogReader {

	private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
			+ " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

	private static final String NO_EXTENSIONS = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE e.extname <> 'plpgsql')";

	private final RelationCache relations;

	private Map<String, String> previousObjects = Map.of();

	PostgresqlCatalogReader(RelationCache relations) {
		this.relations = relations;
	}

	synchronized CatalogSnapshot read(Connection connection, Collection<String> schemas) throws SQLException {
		// One round trip for every query (pgjdbc sends the statements of one string together), one more
		// to restore search_path. Should a query fail, its transaction is rolled back, the SET with it.
		List<String> queries = List.of("SELECT pg_catalog.current_setting('search_path'),"
				+ " pg_catalog.set_config('search_path', 'pg_catalog', false)", relationsSql(schemas), constraintsSql(schemas),
				indexesSql(schemas), triggersSql(schemas), viewsSql(schemas), typesSql(schemas), functionsSql(schemas),
				sequencesSql(schemas));
		String searchPath = null;
		Map<Long, ReadRelation> read = new LinkedHashMap<>();
		Map<String, String> objects = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", queries))) {
			if (schemas != null) {
				java.sql.Array array = connection.createArrayOf("text", schemas.toArray());
				for (int i = 1; i < queries.size(); i++) {
					statement.setArray(i, array);
				}
			}
			boolean results = statement.execute();
			for (int query = 0; query < queries.size(); query++) {
				if (!results) {
					throw new SQLException("The catalog query " + query + " returned no rows");
				}
				try (ResultSet rows = statement.getResultSet()) {
					switch (query) {
						case 0 -> searchPath = rows.next() ? rows.getString(1) : null;
						case 1 -> readRelations(rows, read);
						case 2 -> readConstraints(rows, read);
						case 3 -> readIndexes(rows, read);
						case 4 -> readTriggers(rows, read);
						case 5 -> readViews(rows, read);
						case 6 -> readTypes(rows, objects);
						case 7 -> readFunctions(rows, objects);
						default -> readSequences(rows, objects);
					}
				}
				results = statement.getMoreResults();
			}
		}
		finally {
			if (searchPath != null) {
				setSearchPath(connection, searchPath);
			}
		}
		List<Relation> relations = new ArrayList<>(read.size());
		read.values().forEach((relation) -> relations.add(relation.toRelation()));
		CatalogSnapshot snapshot = this.relations.share(relations);
		// Unchanged objects: the previous read's instance, so that consecutive snapshots share it.
		if (!objects.equals(this.previousObjects)) {
			this.previousObjects = snapshot.withObjects(objects).objects();
		}
		return snapshot.withObjects(this.previousObjects);
	}

	private static void setSearchPath(Connection connection, String searchPath) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, false)")) {
			statement.setString(1, searchPath);
			statement.execute();
		}
	}

	private static String scoped(Collection<String> schemas) {
		return " AND " + PostgresqlDialect.USER_SCHEMAS + ((schemas != null) ? " AND n.nspname = ANY (?)" : "");
	}

	/** Relations and their columns, unsorted (sorting cost as much as the rest): attribute numbers order them. */
	private static String relationsSql(Collection<String> schemas) {
		// Only extensions other than plpgsql own relations: without them, membership is not probed.
		return "SELECT c.oid, n.nspname, c.relname, c.relkind, a.attnum, a.attname,"
				+ " pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
				+ " pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
				+ " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,"
				+ " EXISTS (SELECT 1 FROM pg_catalog.pg_depend s WHERE s.refobjid = c.oid AND s.refobjsubid = a.attnum"
				+ " AND s.classid = 'pg_catalog.pg_class'::regclass AND s.deptype IN ('a', 'i'))"
				+ " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
				+ " LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
				+ " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
				+ " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum"
				+ " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')" + scoped(schemas) + " AND (" + NO_EXTENSIONS + " OR "
				+ NOT_EXTENSION_MEMBER + ")";
	}

	private static void readRelations(ResultSet rows, Map<Long, ReadRelation> read) throws SQLException {
		while (rows.next()) {
			long oid = rows.getLong(1);
			ReadRelation relation = read.get(oid);
			if (relation == null) {
				String kind = rows.getString(4);
				relation = new ReadRelation(rows.getString(2) + "." + rows.getString(3),
						("v".equals(kind) || "m".equals(kind)) ? Relation.Kind.VIEW : Relation.Kind.TABLE);
				read.put(oid, relation);
			}
			String column = rows.getString(6);
			if (column != null) {
				relation.add(rows.getInt(5), column);
				relation.facts.put("column " + column, PostgresqlDefinitions.column(rows.getString(7), rows.getBoolean(8),
						rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12), rows.getBoolean(13)));
			}
		}
	}

	private static String constraintsSql(Collection<String> schemas) {
		return "SELECT k.conrelid, pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k"
				+ " JOIN pg_catalog.pg_class c ON c.oid = k.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')" + scoped(schemas);
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
	private static String indexesSql(Collection<String> schemas) {
		return "SELECT i.indrelid, pg_catalog.pg_get_indexdef(i.indexrelid), i.indisvalid FROM pg_catalog.pg_index i"
				+ " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid"
				+ " AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))" + scoped(schemas);
	}

	private static void readIndexes(ResultSet rows, Map<Long, ReadRelation> read) throws SQLException {
		while (rows.next()) {
			ReadRelation relation = read.get(rows.getLong(1));
			if (relation != null) {
				relation.facts.put(PostgresqlDefinitions.index(rows.getString(2)), rows.getBoolean(3) ? "" : "invalid");
			}
		}
	}

	private static String triggersSql(Collection<String> schemas) {
		return "SELECT t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled FROM pg_catalog.pg_trigger t"
				+ " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE NOT t.tgisinternal" + scoped(schemas);
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

	private static String viewsSql(Collection<String> schemas) {
		return "SELECT c.oid, pg_catalog.pg_get_viewdef(c.oid) FROM pg_catalog.pg_class c"
				+ " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')" + scoped(schemas);
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
	private static String typesSql(Collection<String> schemas) {
		return "SELECT n.nspname || '.' || o.typname, o.typtype,"
				+ " (SELECT string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
				+ " FROM pg_catalog.pg_enum e WHERE e.enumtypid = o.oid),"
				+ " pg_catalog.format_type(o.typbasetype, o.typtypmod), o.typnotnull, o.typdefault,"
				+ " (SELECT string_agg(pg_catalog.pg_get_constraintdef(k.oid), ' ' ORDER BY pg_catalog.pg_get_constraintdef(k.oid))"
				+ " FROM pg_catalog.pg_constraint k WHERE k.contypid = o.oid)"
				+ " FROM pg_catalog.pg_type o JOIN pg_catalog.pg_namespace n ON n.oid = o.typnamespace"
				+ " WHERE o.typtype IN ('e', 'd')" + scoped(schemas) + notExtensionMember("pg_catalog.pg_type");
	}

	private static void readTypes(ResultSet rows, Map<String, String> objects) throws SQLException {
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
	private static String functionsSql(Collection<String> schemas) {
		return "SELECT o.prokind, n.nspname || '.' || o.proname || '(' || pg_catalog.oidvectortypes(o.proargtypes) || ')',"
				+ " CASE WHEN o.prokind = 'a' THEN (SELECT 'sfunc ' || a.aggtransfn::regprocedure || ' stype ' || a.aggtranstype::regtype"
				+ " || coalesce(' finalfunc ' || NULLIF(a.aggfinalfn, 0)::regprocedure, '') || coalesce(' initcond ' || a.agginitval, '')"
				+ " FROM pg_catalog.pg_aggregate a WHERE a.aggfnoid = o.oid)"
				+ " ELSE 'md5 ' || pg_catalog.md5(pg_catalog.pg_get_functiondef(o.oid)) END"
				+ " FROM pg_catalog.pg_proc o JOIN pg_catalog.pg_namespace n ON n.oid = o.pronamespace WHERE true"
				+ scoped(schemas) + notExtensionMember("pg_catalog.pg_proc");
	}

	private static void readFunctions(ResultSet rows, Map<String, String> objects) throws SQLException {
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
	private static String sequencesSql(Collection<String> schemas) {
		return "SELECT n.nspname || '.' || o.relname, s.seqtypid::regtype, s.seqstart, s.seqincrement,"
				+ " s.seqmin, s.seqmax, s.seqcycle FROM pg_catalog.pg_class o JOIN pg_catalog.pg_namespace n ON n.oid = o.relnamespace"
				+ " JOIN pg_catalog.pg_sequence s ON s.seqrelid = o.oid WHERE o.relkind = 'S'" + scoped(schemas)
				+ " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = o.oid"
				+ " AND d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i', 'e'))";
	}

	private static void readSequences(ResultSet rows, Map<String, String> objects) throws SQLException {
		while (rows.next()) {
			objects.put("sequence " + rows.getString(1), rows.getString(2) + " start " + rows.getLong(3) + " increment "
					+ rows.getLong(4) + " min " + rows.getLong(5) + " max " + rows.getLong(6)
					+ (rows.getBoolean(7) ? " cycle" : ""));
		}
	}

	/** A relation as the rows of the catalog query bring it, columns in any order. */
	private static final class ReadRelation {

		private final String name;

		private final Relation.Kind kind;

		private final List<String> columns = new ArrayList<>();

		private final List<Integer> numbers = new ArrayList<>();

		private final Map<String, String> facts = new TreeMap<>();

		private boolean sorted = true;

		ReadRelation(String name, Relation.Kind kind) {
			this.name = name;
			this.kind = kind;
		}

		void add(int number, String column) {
			this.sorted &= this.numbers.isEmpty() || this.numbers.get(this.numbers.size() - 1) < number;
			this.numbers.add(number);
			this.columns.add(column);
		}

		Relation toRelation() {
			if (this.sorted) {
				return new Relation(this.name, this.kind, this.columns, this.facts);
			}
			TreeMap<Integer, String> byNumber = new TreeMap<>();
			for (int i = 0; i < this.columns.size(); i++) {
				byNumber.put(this.numbers.get(i), this.columns.get(i));
			}
			return new Relation(this.name, this.kind, List.copyOf(byNumber.values()), this.facts);
		}

	}

}
