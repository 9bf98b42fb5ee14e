package dev.autobaseline.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The user-visible relations of one database (or one replayed prefix of migrations), keyed by
 * name, and the top-level objects that are not relations. Immutable.
 *
 * @param relations relations by {@link Relation#name()}
 * @param objects top-level objects other than relations (types, functions, sequences), each by
 * what it is, e.g. {@code type public.mood} or {@code function public.f(integer)}, mapped to its
 * normalised definition; sorted by key
 * @param full whether the relations' facts were read; a <em>signature</em> ({@code false}) holds
 * relation names, kinds and column names but no facts: comparisons leave facts out rather than
 * call them missing
 * @param objectsRead whether the top-level objects were read (always in a full snapshot; in a
 * signature when asked): comparisons leave them out otherwise
 * @param columnsRead whether the relations' column names were read (always in a full snapshot); a
 * signature of names only ({@code false}) holds relation names and kinds, its relations no
 * columns: comparisons leave columns out rather than call them missing
 */
public record CatalogSnapshot(Map<String, Relation> relations, Map<String, String> objects, boolean full,
		boolean objectsRead, boolean columnsRead) {

	/** The catalog of a database holding no relation at all. */
	public static final CatalogSnapshot EMPTY = new CatalogSnapshot(Map.of());

	/** A full snapshot. */
	public CatalogSnapshot(Map<String, Relation> relations, Map<String, String> objects) {
		this(relations, objects, true, true);
	}

	/** A full snapshot or a signature, with its top-level objects read. */
	public CatalogSnapshot(Map<String, Relation> relations, Map<String, String> objects, boolean full) {
		this(relations, objects, full, true);
	}

	/** A full snapshot or a signature with column names. */
	public CatalogSnapshot(Map<String, Relation> relations, Map<String, String> objects, boolean full,
			boolean objectsRead) {
		this(relations, objects, full, objectsRead, true);
	}

	public CatalogSnapshot {
		if (full && !columnsRead) {
			throw new IllegalArgumentException("A full snapshot has its columns read");
		}
		relations = Collections.unmodifiableMap(new LinkedHashMap<>(relations));
		objects = objects.isEmpty() ? Map.of()
				: (objects instanceof SortedObjects) ? objects : new SortedObjects(objects);
	}

	/** A catalog of relations only. */
	public CatalogSnapshot(Map<String, Relation> relations) {
		this(relations, Map.of());
	}

	public static CatalogSnapshot of(Collection<Relation> relations) {
		Map<String, Relation> byName = new LinkedHashMap<>();
		relations.forEach((relation) -> byName.put(relation.name(), relation));
		return new CatalogSnapshot(byName);
	}

	/** This snapshot with the given top-level objects. */
	public CatalogSnapshot withObjects(Map<String, String> objects) {
		return new CatalogSnapshot(this.relations, objects, this.full, this.objectsRead, this.columnsRead);
	}

	/** This snapshot and another one's relations and objects (another schema's, say). */
	public CatalogSnapshot plus(CatalogSnapshot other) {
		if (other.isEmpty()) {
			return this;
		}
		Map<String, Relation> relations = new LinkedHashMap<>(this.relations);
		relations.putAll(other.relations);
		Map<String, String> objects = new TreeMap<>(this.objects);
		objects.putAll(other.objects);
		return new CatalogSnapshot(relations, objects, this.full && other.full, this.objectsRead && other.objectsRead,
				this.columnsRead && other.columnsRead);
	}

	/**
	 * This snapshot as a signature: its relations' facts are not to be compared; its top-level
	 * objects, as read, still are.
	 */
	public CatalogSnapshot asSignature() {
		return this.full ? new CatalogSnapshot(this.relations, this.objects, false, this.objectsRead, true) : this;
	}

	public Set<String> names() {
		return this.relations.keySet();
	}

	public boolean isEmpty() {
		return this.relations.isEmpty() && this.objects.isEmpty();
	}

	/** This snapshot without the relations the filter rejects. */
	public CatalogSnapshot retain(Predicate<String> keepName) {
		Map<String, Relation> kept = new LinkedHashMap<>();
		this.relations.forEach((name, relation) -> {
			if (keepName.test(name)) {
				kept.put(name, relation);
			}
		});
		return (kept.size() == this.relations.size()) ? this
				: new CatalogSnapshot(kept, this.objects, this.full, this.objectsRead, this.columnsRead);
	}

	/** This snapshot without the top-level objects the filter rejects (by key). */
	public CatalogSnapshot retainObjects(Predicate<String> keepKey) {
		Map<String, String> kept = new TreeMap<>();
		this.objects.forEach((key, definition) -> {
			if (keepKey.test(key)) {
				kept.put(key, definition);
			}
		});
		return (kept.size() == this.objects.size()) ? this
				: new CatalogSnapshot(this.relations, kept, this.full, this.objectsRead, this.columnsRead);
	}

	/**
	 * The name a top-level object key holds: {@code public.mood} for {@code type public.mood},
	 * {@code public.f} for {@code function public.f(integer)}.
	 */
	public static String objectName(String key) {
		int space = key.indexOf(' ');
		String name = (space >= 0) ? key.substring(space + 1) : key;
		int paren = name.indexOf('(');
		return (paren >= 0) ? name.substring(0, paren) : name;
	}

	/** An unmodifiable sorted copy: consecutive snapshots can share one instance. */
	private static final class SortedObjects extends java.util.AbstractMap<String, String> {

		private final Map<String, String> sorted;

		SortedObjects(Map<String, String> objects) {
			this.sorted = Collections.unmodifiableMap(new TreeMap<>(objects));
		}

		@Override
		public Set<Entry<String, String>> entrySet() {
			return this.sorted.entrySet();
		}

		@Override
		public String get(Object key) {
			return this.sorted.get(key);
		}

		@Override
		public boolean containsKey(Object key) {
			return this.sorted.containsKey(key);
		}

	}

}
