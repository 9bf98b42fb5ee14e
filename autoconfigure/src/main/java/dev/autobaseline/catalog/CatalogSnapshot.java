package dev.autobaseline.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The user-visible relations of one database (or one replayed prefix of migrations), keyed by
 * name. Immutable.
 *
 * @param relations relations by {@link Relation#name()}
 */
public record CatalogSnapshot(Map<String, Relation> relations) {

	/** The catalog of a database holding no relation at all. */
	public static final CatalogSnapshot EMPTY = new CatalogSnapshot(Map.of());

	public CatalogSnapshot {
		relations = Collections.unmodifiableMap(new LinkedHashMap<>(relations));
	}

	public static CatalogSnapshot of(Collection<Relation> relations) {
		Map<String, Relation> byName = new LinkedHashMap<>();
		relations.forEach((relation) -> byName.put(relation.name(), relation));
		return new CatalogSnapshot(byName);
	}

	public Set<String> names() {
		return this.relations.keySet();
	}

	public boolean isEmpty() {
		return this.relations.isEmpty();
	}

	/** This snapshot without the relations the filter rejects. */
	public CatalogSnapshot retain(Predicate<String> keepName) {
		Map<String, Relation> kept = new LinkedHashMap<>();
		this.relations.forEach((name, relation) -> {
			if (keepName.test(name)) {
				kept.put(name, relation);
			}
		});
		return (kept.size() == this.relations.size()) ? this : new CatalogSnapshot(kept);
	}

}
