package dev.autobaseline.replay;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a replay into a shadow database produced.
 *
 * @param versions the empty prefix first, then one entry per versioned migration in order
 * @param repeatableOnly relations that only repeatable migrations create: left out on both sides
 * @param repeatableFacts facts of relations versioned migrations create that repeatable migrations
 * add, change or remove (an index, a trigger), by relation: the repeatables own them, so they are
 * left out on both sides
 * @param repeatableObjects top-level objects (functions, types, sequences) repeatable migrations
 * create or replace: left out on both sides, and not foreign
 * @param objectsOfEveryVersion whether every version's top-level objects were read (full
 * snapshots, or signatures with objects): only then is an object no version holds foreign
 */
public record ReplayResult(List<ReplayedVersion> versions, Set<String> repeatableOnly,
		Map<String, Set<String>> repeatableFacts, Set<String> repeatableObjects, boolean objectsOfEveryVersion) {

	public ReplayResult {
		versions = List.copyOf(versions);
		repeatableOnly = Set.copyOf(repeatableOnly);
		repeatableFacts = Map.copyOf(repeatableFacts);
		repeatableObjects = Set.copyOf(repeatableObjects);
	}

	/** A result without repeatable migrations' facts and objects. */
	public ReplayResult(List<ReplayedVersion> versions, Set<String> repeatableOnly) {
		this(versions, repeatableOnly, Map.of(), Set.of(), true);
	}

	/** Every relation some versioned migration creates (present in at least one prefix), sorted. */
	public Set<String> ownedRelations() {
		Set<String> owned = new java.util.HashSet<>();
		Object previous = null;
		for (ReplayedVersion version : this.versions) {
			// Data-only migrations share the previous prefix's snapshot: nothing new in it.
			if (version.catalog() != previous) {
				owned.addAll(version.catalog().names());
				previous = version.catalog();
			}
		}
		owned.removeAll(this.repeatableOnly);
		return new java.util.TreeSet<>(owned);
	}

	/**
	 * Every top-level object other than a relation (a type, a function, a sequence) that some
	 * versioned migration creates, by key.
	 */
	public Set<String> ownedObjects() {
		Set<String> owned = new java.util.HashSet<>();
		Object previous = null;
		for (ReplayedVersion version : this.versions) {
			if (version.catalog().objects() != previous) {
				owned.addAll(version.catalog().objects().keySet());
				previous = version.catalog().objects();
			}
		}
		return owned;
	}

	/** The versioned migrations in order, without the empty prefix. */
	public List<ReplayedVersion> migrations() {
		return this.versions.subList(1, this.versions.size());
	}

}
