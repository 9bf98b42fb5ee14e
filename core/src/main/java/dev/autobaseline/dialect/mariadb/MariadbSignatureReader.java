package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.dialect.Dialect;

/**
 * Reads MariaDB signatures: relation names and kinds, column names, and when asked the routines,
 * events and sequences in full, as {@link MariadbCatalogReader} reads them, with the same keys.
 * MariaDB has no catalog row versioning like PostgreSQL's {@code xmin}: every signature lists
 * {@code information_schema.TABLES} again, and {@code COLUMNS} (which has the server open every
 * table's definition) too unless the names alone tell that the version cannot match
 * ({@link Dialect.ColumnsWanted}), one flat query each. A relation or a set of objects equal to
 * the previous signature's is that signature's instance, so that the signatures of consecutive
 * replayed versions share what did not change.
 */
final class MariadbSignatureReader {

	/** The relations of the previous signature, by name. */
	private Map<String, Relation> previousRelations = Map.of();

	/** The relations of the previous signature of names only, by name. */
	private Map<String, Relation> previousNames = Map.of();

	/** The objects of the previous signature that read them. */
	private Map<String, String> previousObjects = Map.of();

	/**
	 * A signature of the database: its tables and views with their column names, no facts but
	 * one ({@code system versioning}, which the listing of tables shows anyway), and when
	 * {@code withObjects} is set its routines, events and sequences in full. Without column names
	 * ({@link CatalogSnapshot#columnsRead()} unset) when {@code columnsWanted}, asked with the
	 * names and kinds, says no.
	 * @param lowerCaseNames whether the server folds table names to lower case
	 */
	synchronized CatalogSnapshot readSignature(Connection connection, String database, boolean lowerCaseNames,
			boolean withObjects, Dialect.ColumnsWanted columnsWanted) throws SQLException {
		MariadbCatalogReader.requireDatabase(connection, database);
		Map<String, SignatureRelation> relations = new LinkedHashMap<>();
		List<String> sequences = readRelations(connection, database, lowerCaseNames, relations);
		Map<String, String> objects = new TreeMap<>();
		if (withObjects) {
			new MariadbObjects(connection, database).read(objects, sequences);
		}
		if (withObjects && !objects.equals(this.previousObjects)) {
			this.previousObjects = new CatalogSnapshot(Map.of(), objects).objects();
		}
		Map<String, String> objectsRead = withObjects ? this.previousObjects : Map.of();
		if (columnsWanted != Dialect.ColumnsWanted.ALWAYS) {
			Map<String, Relation> named = new LinkedHashMap<>();
			for (SignatureRelation relation : relations.values()) {
				Relation names = relation.toRelation();
				Relation previous = this.previousNames.get(names.name());
				named.put(names.name(), names.equals(previous) ? previous : names);
			}
			this.previousNames = named;
			CatalogSnapshot names = new CatalogSnapshot(named, objectsRead, false, withObjects, false);
			if (!columnsWanted.test(names)) {
				return names;
			}
		}
		readColumns(connection, database, relations);
		Map<String, Relation> signature = new LinkedHashMap<>();
		for (SignatureRelation relation : relations.values()) {
			Relation read = relation.toRelation();
			Relation previous = this.previousRelations.get(read.name());
			signature.put(read.name(), read.equals(previous) ? previous : read);
		}
		this.previousRelations = signature;
		return new CatalogSnapshot(signature, objectsRead, false, withObjects);
	}

	/** Tables and views by name as the server spells it; returns the sequences, which are listed as tables but are objects. */
	private static List<String> readRelations(Connection connection, String database, boolean lowerCaseNames,
			Map<String, SignatureRelation> relations) throws SQLException {
		List<String> sequences = new ArrayList<>();
		MariadbCatalogReader.query(connection, database, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", (rows) -> {
			String table = rows.getString(1);
			String type = rows.getString(2);
			if ("SEQUENCE".equals(type)) {
				sequences.add(table);
				return;
			}
			SignatureRelation relation = new SignatureRelation(lowerCaseNames ? table.toLowerCase(Locale.ROOT) : table,
					"VIEW".equals(type) ? Relation.Kind.VIEW : Relation.Kind.TABLE, "SYSTEM VERSIONED".equals(type));
			relations.put(table, relation);
		});
		return sequences;
	}

	private static void readColumns(Connection connection, String database, Map<String, SignatureRelation> relations)
			throws SQLException {
		MariadbCatalogReader.query(connection, database, "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
				+ " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION", (rows) -> {
			SignatureRelation relation = relations.get(rows.getString(1));
			if (relation != null) {
				// Column names are case-insensitive on every MariaDB server.
				relation.columns.add(rows.getString(2).toLowerCase(Locale.ROOT));
			}
		});
	}

	/** A relation while its rows are read. */
	private static final class SignatureRelation {

		final String name;

		final Relation.Kind kind;

		final boolean systemVersioned;

		final List<String> columns = new ArrayList<>();

		SignatureRelation(String name, Relation.Kind kind, boolean systemVersioned) {
			this.name = name;
			this.kind = kind;
			this.systemVersioned = systemVersioned;
		}

		Relation toRelation() {
			return new Relation(this.name, this.kind, this.columns,
					this.systemVersioned ? Map.of("system versioning", "") : Map.of());
		}

	}

}
