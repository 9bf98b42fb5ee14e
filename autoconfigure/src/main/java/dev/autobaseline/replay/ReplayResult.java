package dev.autobaseline.replay;

import java.util.List;
import java.util.Set;

/**
 * What a replay into a shadow database produced.
 *
 * @param versions the empty prefix first, then one entry per versioned migration in order
 * @param repeatableOnly relations that only repeatable migrations create: left out on both sides
 */
public record ReplayResult(List<ReplayedVersion> versions, Set<String> repeatableOnly) {

	public ReplayResult {
		versions = List.copyOf(versions);
		repeatableOnly = Set.copyOf(repeatableOnly);
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
