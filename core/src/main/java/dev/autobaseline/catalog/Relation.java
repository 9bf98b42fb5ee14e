package dev.autobaseline.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table or view as a catalog snapshot holds it.
 *
 * @param name the name the dialect compares by (schema-qualified on engines with schemas)
 * @param kind table or view
 * @param columns column names in catalog order, as the dialect compares them
 * @param facts what else the relation holds, each by what it is (never by an engine-generated
 * name) mapped to its normalised definition: {@code column isbn} to {@code varchar(20) null},
 * {@code index btree (title)}, {@code check ((price > 0))}, {@code pk (id)}, {@code fk (author_id)
 * -> public.author(id)}, {@code trigger audit}, {@code definition} (a view's query); sorted by key
 */
public record Relation(String name, Kind kind, List<String> columns, Map<String, String> facts) {

	public Relation {
		columns = List.copyOf(columns);
		facts = facts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(facts));
	}

	/** A relation known by its column names only. */
	public Relation(String name, Kind kind, List<String> columns) {
		this(name, kind, columns, Map.of());
	}

	/** The same relation under another name and kind. */
	public Relation renamed(String name, Kind kind) {
		return new Relation(name, kind, this.columns, this.facts);
	}

	/** What kind of relation this is. */
	public enum Kind {

		TABLE, VIEW;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
