package dev.autobaseline.catalog;

import java.util.List;

/**
 * A table or view as a catalog snapshot holds it.
 *
 * @param name the name the dialect compares by (schema-qualified on engines with schemas)
 * @param kind table or view
 * @param columns column names in catalog order, as the dialect compares them
 */
public record Relation(String name, Kind kind, List<String> columns) {

	public Relation {
		columns = List.copyOf(columns);
	}

	/** What kind of relation this is. */
	public enum Kind {

		TABLE, VIEW;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
