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

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.RelationCache;

/**
 * Reads a signature of the SQLite catalog: every table and view with its column names, no facts.
 * A table's columns follow from its {@code CREATE} statement alone (SQLite rewrites it on every
 * {@code ALTER TABLE}), so a table whose statement an earlier signature saw is not read again; a
 * view's columns follow the tables it selects from and are read again whenever a table or view
 * changed. Columns come from the same {@code pragma_table_xinfo} rows as the full read, so that a
 * signature's names and columns equal those of {@link SqliteCatalogReader}.
 */
final class SqliteSignatureReader {

	private static final String COLUMNS = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p"
			+ " WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND p.hidden <> 1";

	/** Signatures apart from full reads: a relation cached here has no facts. */
	private final RelationCache relations = new RelationCache();

	/** The last listing read that split exactly, or {@code null}. */
	private SqliteListing listing;

	/** The signature of that listing. */
	private CatalogSnapshot signature;

	/** The signature of the listed tables and views, flagged as one. */
	synchronized CatalogSnapshot read(Connection connection, SqliteListing listing) throws SQLException {
		// Equal listings that split exactly hold the same tables and views, statements and all: the
		// same columns, views' included (a view of main sees only the tables and views of main).
		// A migration that changes no table or view (data only, an index) costs the listing alone.
		if (listing.equals(this.listing)) {
			return this.signature;
		}
		List<RelationCache.Listed> exact = listing.split();
		List<RelationCache.Listed> listed = (exact != null) ? exact : listing.relations(connection);
		CatalogSnapshot read = this.relations.read(listed, (names) -> columns(connection, names, listed.size()))
			.asSignature();
		this.listing = (exact != null) ? listing : null;
		this.signature = read;
		return read;
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
