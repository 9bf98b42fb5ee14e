package dev.autobaseline.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What earlier catalog reads found, so that the next read skips what has not changed. A dialect
 * lists every relation with a <em>content key</em> that determines its columns and facts (SQLite:
 * its {@code CREATE} statement and those of its indexes and triggers; PostgreSQL: the versions of
 * its catalog rows): a relation whose key was seen before is not read again. A relation equal to the one of the same name in the previous read comes back as that
 * instance, so that the snapshots of consecutive versions share their unchanged relations (less
 * heap) and comparisons tell unchanged relations apart by identity.
 * <p>
 * Holds what the last finished read and the one in progress found, no more: replaying N
 * migrations keeps it at the size of about one catalog. Thread-safe; meant for one reader at a
 * time (a dialect instance, which serves one boot).
 */
public final class RelationCache {

	private Map<String, Relation> byKey = new HashMap<>();

	private Map<String, Relation> previousByKey = new HashMap<>();

	private Map<String, Relation> byName = new HashMap<>();

	private Map<String, Relation> previousByName = new HashMap<>();

	/**
	 * One relation as the dialect lists it before reading columns.
	 *
	 * @param name the relation's key in the snapshot
	 * @param kind table or view
	 * @param contentKey a key that determines the relation's columns and facts, or {@code null}
	 * when none does (it is read every time)
	 * @param handle how the dialect's column reader names the relation (a table name, an oid)
	 */
	public record Listed(String name, Relation.Kind kind, String contentKey, String handle) {
	}

	/** Reads the columns of the listed relations, by handle, in catalog order. */
	@FunctionalInterface
	public interface ColumnReader<E extends Exception> {

		Map<String, List<String>> columns(List<String> handles) throws E;

	}

	/**
	 * Reads the listed relations in full (columns and facts), by handle; name and kind of the
	 * relations returned do not matter, the listing gives them.
	 */
	@FunctionalInterface
	public interface ContentReader<E extends Exception> {

		Map<String, Relation> relations(List<String> handles) throws E;

	}

	/**
	 * A snapshot of the listed relations, reading columns only for those whose content key is new
	 * (or missing), and ending the read.
	 */
	public synchronized <E extends Exception> CatalogSnapshot read(List<Listed> listed, ColumnReader<E> reader)
			throws E {
		return readContent(listed, (handles) -> {
			Map<String, Relation> read = new HashMap<>();
			reader.columns(handles).forEach((handle, columns) -> read.put(handle, new Relation(handle, Relation.Kind.TABLE, columns)));
			return read;
		});
	}

	/**
	 * A snapshot of the listed relations, reading columns and facts only for those whose content
	 * key is new (or missing), and ending the read.
	 */
	public synchronized <E extends Exception> CatalogSnapshot readContent(List<Listed> listed, ContentReader<E> reader)
			throws E {
		Relation[] relations = new Relation[listed.size()];
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < relations.length; i++) {
			Listed relation = listed.get(i);
			relations[i] = (relation.contentKey() != null) ? known(relation) : null;
			if (relations[i] == null) {
				unknown.add(relation.handle());
			}
		}
		Map<String, Relation> read = unknown.isEmpty() ? Map.of() : reader.relations(unknown);
		for (int i = 0; i < relations.length; i++) {
			if (relations[i] == null) {
				Listed entry = listed.get(i);
				Relation content = read.get(entry.handle());
				relations[i] = share((content != null) ? content.renamed(entry.name(), entry.kind())
						: new Relation(entry.name(), entry.kind(), List.of()));
				if (entry.contentKey() != null) {
					this.byKey.put(entry.contentKey(), relations[i]);
				}
			}
		}
		finishRead();
		return CatalogSnapshot.of(java.util.Arrays.asList(relations));
	}

	/** A snapshot of relations read in full, sharing instances with the previous read, and ending the read. */
	public synchronized CatalogSnapshot share(List<Relation> read) {
		List<Relation> relations = new ArrayList<>(read.size());
		read.forEach((relation) -> relations.add(share(relation)));
		finishRead();
		return CatalogSnapshot.of(relations);
	}

	/** The relation a content key stands for, from this read or the previous one, or {@code null}. */
	private Relation known(Listed listed) {
		Relation relation = this.byKey.get(listed.contentKey());
		if (relation == null) {
			relation = this.previousByKey.get(listed.contentKey());
			if (relation == null) {
				return null;
			}
			this.byKey.put(listed.contentKey(), relation);
		}
		// The key determines the columns; name and kind come from the listing.
		if (!relation.name().equals(listed.name()) || relation.kind() != listed.kind()) {
			return share(relation.renamed(listed.name(), listed.kind()));
		}
		this.byName.put(relation.name(), relation);
		return relation;
	}

	/** The previous read's instance when it is equal, else this one. */
	private Relation share(Relation relation) {
		Relation previous = this.previousByName.get(relation.name());
		Relation instance = relation.equals(previous) ? previous : relation;
		this.byName.put(instance.name(), instance);
		return instance;
	}

	/** Ends a read: what the read before it found and this one did not use is forgotten. */
	private void finishRead() {
		Map<String, Relation> keys = this.previousByKey;
		this.previousByKey = this.byKey;
		this.byKey = keys;
		this.byKey.clear();
		Map<String, Relation> names = this.previousByName;
		this.previousByName = this.byName;
		this.byName = names;
		this.byName.clear();
	}

}
