package dev.autobaseline.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;

/**
 * Reads a signature of the SQLite catalog: every table and view with its column names, no facts.
 * Each read is compared with the previous one, relation by relation. A table's columns follow
 * from its {@code CREATE} statement alone (SQLite rewrites it on every {@code ALTER TABLE}), so a
 * table whose statement is the one the previous read saw keeps its columns. A view's columns
 * follow from its statement and the columns of the relations it selects from, which its statement
 * names (a view of {@code main} sees only {@code main}): a view is read again when its statement
 * changed or when it names a relation that was added, dropped, changed or itself read again.
 * Columns come from the same {@code pragma_table_xinfo} rows as the full read, so that a
 * signature's names and columns equal those of {@link SqliteCatalogReader}.
 * <p>
 * The previous read may be of another database (a second replay): what is kept is decided by
 * statements alone, never by which database was read.
 */
final class SqliteSignatureReader {

	private static final String COLUMNS = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_xinfo(m.name, 'main') p"
			+ " WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND p.hidden <> 1";

	/** Beyond this many changed relations, every view is read again rather than matched by name. */
	private static final int MATCHED_NAMES = 100;

	/** The last listing read, when it split exactly, or {@code null}. */
	private SqliteListing listing;

	/** The signature of the last read. */
	private CatalogSnapshot signature = CatalogSnapshot.EMPTY;

	/** What the last read found, by name as {@code sqlite_master} spells it. */
	private Map<String, Read> previous = Map.of();

	/** A relation's row in the last listing and its signature. */
	private record Read(SqliteListing.Row row, Relation relation) {
	}

	/** The signature of the listed tables and views, flagged as one. */
	synchronized CatalogSnapshot read(Connection connection, SqliteListing listing) throws SQLException {
		// Equal listings that split exactly hold the same tables and views, statements and all: the
		// same columns, views' included. A migration that changes no table or view (data only, an
		// index) costs the listing alone.
		if (listing.equals(this.listing)) {
			return this.signature;
		}
		List<SqliteListing.Row> split = listing.split();
		List<SqliteListing.Row> rows = (split != null) ? split : SqliteListing.readRows(connection);
		Set<String> stale = stale(rows);
		List<String> handles = new ArrayList<>();
		for (SqliteListing.Row row : rows) {
			if (stale.contains(row.name())) {
				handles.add(row.name());
			}
		}
		Map<String, List<String>> columns = handles.isEmpty() ? Map.of() : columns(connection, handles, rows.size());
		Map<String, Read> reads = new HashMap<>(rows.size() * 2);
		List<Relation> relations = new ArrayList<>(rows.size());
		for (SqliteListing.Row row : rows) {
			Read before = this.previous.get(row.name());
			Relation relation = (before != null) ? before.relation() : null;
			if (relation == null || stale.contains(row.name())) {
				relation = shared(new Relation(row.name().toLowerCase(Locale.ROOT),
						row.isView() ? Relation.Kind.VIEW : Relation.Kind.TABLE,
						columns.getOrDefault(row.name(), List.of())), relation);
			}
			relations.add(relation);
			reads.put(row.name(), new Read(row, relation));
		}
		CatalogSnapshot read = CatalogSnapshot.of(relations).asSignature();
		this.listing = (split != null) ? listing : null;
		this.previous = reads;
		this.signature = read;
		return read;
	}

	/**
	 * The names of the relations whose columns are to be read: new or changed statements, no
	 * statement at all, and views that name a relation added, dropped or read again.
	 */
	private Set<String> stale(List<SqliteListing.Row> rows) {
		Set<String> stale = new HashSet<>();
		// What changed, under every name it had: a view naming any of them may select other columns.
		Deque<String> changed = new ArrayDeque<>();
		Set<String> listed = new HashSet<>(rows.size() * 2);
		for (SqliteListing.Row row : rows) {
			listed.add(row.name());
			Read before = this.previous.get(row.name());
			if (before == null || row.sql() == null || !row.equals(before.row())) {
				stale.add(row.name());
				changed.add(row.name());
			}
		}
		this.previous.keySet().stream().filter((name) -> !listed.contains(name)).forEach(changed::add);
		if (changed.isEmpty()) {
			return stale;
		}
		List<SqliteListing.Row> views = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (SqliteListing.Row row : rows) {
			if (row.isView() && !stale.contains(row.name())) {
				String text = lowerAscii(row.sql());
				// A view of an sqlite_% table, which the listing leaves out, is read whenever anything
				// changed; so is every view when so much changed that matching names costs more.
				if (text.contains("sqlite_") || changed.size() > MATCHED_NAMES) {
					stale.add(row.name());
					changed.add(row.name());
				}
				else {
					views.add(row);
					texts.add(text);
				}
			}
		}
		// Views naming a changed relation, then views naming those, and so on.
		while (!changed.isEmpty() && !views.isEmpty()) {
			List<String> forms = spellings(changed.poll());
			for (int i = views.size() - 1; i >= 0; i--) {
				if (namesAny(texts.get(i), forms)) {
					String view = views.remove(i).name();
					texts.remove(i);
					stale.add(view);
					changed.add(view);
				}
			}
		}
		return stale;
	}

	/**
	 * How a statement can spell a name, in ASCII lower case as SQLite compares names: as it is
	 * (bare, or in brackets) or with a quote it holds doubled (in double quotes, single quotes or
	 * backticks).
	 */
	private static List<String> spellings(String name) {
		String lower = lowerAscii(name);
		List<String> forms = new ArrayList<>(4);
		forms.add(lower);
		for (String quote : new String[] { "\"", "'", "`" }) {
			if (lower.contains(quote)) {
				forms.add(lower.replace(quote, quote + quote));
			}
		}
		return forms;
	}

	private static boolean namesAny(String text, List<String> forms) {
		for (String form : forms) {
			if (text.contains(form)) {
				return true;
			}
		}
		return false;
	}

	/** Lower case for ASCII letters only, as SQLite folds names; other characters stay as they are. */
	private static String lowerAscii(String text) {
		char[] chars = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				chars = (chars != null) ? chars : text.toCharArray();
				chars[i] = (char) (c + ('a' - 'A'));
			}
		}
		return (chars != null) ? new String(chars) : text;
	}

	/** The previous read's instance when it is equal, so that unchanged relations compare by identity. */
	private static Relation shared(Relation read, Relation before) {
		return read.equals(before) ? before : read;
	}

	/**
	 * The columns of the named relations in catalog order, in lower case as the full read has them.
	 * @param relations how many relations the database has: a read of most of them reads all
	 */
	private static Map<String, List<String>> columns(Connection connection, List<String> names, int relations)
			throws SQLException {
		boolean all = names.size() > 200 || names.size() * 2 > relations;
		String sql = COLUMNS + (all ? "" : " AND m.name IN (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")")
				+ " ORDER BY m.name, p.cid";
		Map<String, String> byKey = new HashMap<>();
		names.forEach((name) -> byKey.put(name.toLowerCase(Locale.ROOT), name));
		Map<String, List<String>> columns = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (!all) {
				for (int i = 0; i < names.size(); i++) {
					statement.setString(i + 1, names.get(i));
				}
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String name = byKey.get(rows.getString(1).toLowerCase(Locale.ROOT));
					if (name != null) {
						columns.computeIfAbsent(name, (key) -> new ArrayList<>()).add(rows.getString(2).toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return columns;
	}

}
