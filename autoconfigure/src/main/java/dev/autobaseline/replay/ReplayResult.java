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

	/** Every relation some versioned migration creates (present in at least one prefix). */
	public Set<String> ownedRelations() {
		Set<String> owned = new java.util.TreeSet<>();
		this.versions.forEach((version) -> owned.addAll(version.catalog().names()));
		owned.removeAll(this.repeatableOnly);
		return owned;
	}

	/** The versioned migrations in order, without the empty prefix. */
	public List<ReplayedVersion> migrations() {
		return this.versions.subList(1, this.versions.size());
	}

}
