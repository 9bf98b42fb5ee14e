package dev.autobaseline.replay;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;

/**
 * Which relations count as evidence: those some versioned migration creates, less the history
 * table, what only repeatable migrations create, and what {@code ignore-tables} names. Relations
 * no migration creates are foreign: left out and reported.
 */
public final class CatalogScope {

	private final Set<String> owned;

	private final Set<String> ownedObjects;

	private final Set<String> repeatableOnly;

	private final List<Pattern> ignored;

	private final String historyTable;

	private final Map<String, Set<String>> repeatableFacts;

	private final Set<String> repeatableObjects;

	/** Whether objects no version holds are known to be foreign (every version's objects were read). */
	private boolean objectsOfEveryVersion = true;

	/** Relations without the facts repeatables own, by the instance they were made from. */
	private final Map<Relation, Relation> withoutRepeatableFacts = new IdentityHashMap<>();

	private CatalogSnapshot lastReplayed;

	private CatalogSnapshot lastEvidence;

	/**
	 * @param replay the replay's result
	 * @param ignoreTables glob patterns ({@code *}, {@code ?}) matched against a relation's
	 * key or its unqualified name, case-insensitively
	 * @param historyTable the history table's relation key
	 */
	public CatalogScope(ReplayResult replay, List<String> ignoreTables, String historyTable) {
		this(replay.ownedRelations(), replay.ownedObjects(), replay.repeatableOnly(), replay.repeatableFacts(),
				replay.repeatableObjects(), ignoreTables, historyTable);
		this.objectsOfEveryVersion = replay.objectsOfEveryVersion();
	}

	private CatalogScope(Set<String> owned, Set<String> ownedObjects, Set<String> repeatableOnly,
			Map<String, Set<String>> repeatableFacts, Set<String> repeatableObjects, List<String> ignoreTables,
			String historyTable) {
		this.repeatableFacts = repeatableFacts;
		this.repeatableObjects = repeatableObjects;
		this.owned = owned;
		this.ownedObjects = ownedObjects;
		this.repeatableOnly = repeatableOnly;
		this.ignored = ignoreTables.stream().map(CatalogScope::glob).toList();
		this.historyTable = historyTable;
	}

	/**
	 * The live catalog as evidence: owned relations only, with everything on them; top-level
	 * objects (types, functions, sequences) some migration creates.
	 */
	public CatalogSnapshot live(CatalogSnapshot catalog) {
		return withoutRepeatableFacts(catalog.retain((name) -> this.owned.contains(name) && isEvidence(name))
			.retainObjects((key) -> this.ownedObjects.contains(key) && !this.repeatableObjects.contains(key)
					&& !isIgnored(CatalogSnapshot.objectName(key))));
	}

	/**
	 * A replayed catalog as evidence. The prefixes of data-only migrations share one snapshot:
	 * they share the filtered one too.
	 */
	public synchronized CatalogSnapshot replayed(CatalogSnapshot catalog) {
		if (catalog != this.lastReplayed) {
			this.lastReplayed = catalog;
			this.lastEvidence = withoutRepeatableFacts(catalog.retain(this::isEvidence)
				.retainObjects((key) -> !this.repeatableObjects.contains(key) && !isIgnored(CatalogSnapshot.objectName(key))));
		}
		return this.lastEvidence;
	}

	/**
	 * Live relations and top-level objects no migration creates: left alone, listed at WARN.
	 * Objects only when every version's objects were read (else one a non-candidate version
	 * created would look foreign).
	 */
	public List<String> foreign(CatalogSnapshot live) {
		List<String> foreign = new java.util.ArrayList<>(
				live.names().stream().filter((name) -> !this.owned.contains(name) && isEvidence(name)).sorted().toList());
		if (!this.objectsOfEveryVersion) {
			return foreign;
		}
		live.objects()
			.keySet()
			.stream()
			.filter((key) -> !this.ownedObjects.contains(key) && !this.repeatableObjects.contains(key)
					&& !isIgnored(CatalogSnapshot.objectName(key)))
			.forEach(foreign::add);
		return foreign;
	}

	/**
	 * The catalog without the facts repeatable migrations own on relations versioned ones create.
	 * Each relation instance is stripped once, so that snapshots sharing it still share the result.
	 */
	private CatalogSnapshot withoutRepeatableFacts(CatalogSnapshot catalog) {
		if (this.repeatableFacts.isEmpty() || !catalog.full()) {
			return catalog;
		}
		Map<String, Relation> relations = new LinkedHashMap<>();
		boolean changed = false;
		for (Relation relation : catalog.relations().values()) {
			Set<String> owned = this.repeatableFacts.get(relation.name());
			Relation kept = (owned == null) ? relation
					: this.withoutRepeatableFacts.computeIfAbsent(relation, (all) -> {
						Map<String, String> facts = new TreeMap<>(all.facts());
						facts.keySet().removeAll(owned);
						return new Relation(all.name(), all.kind(), all.columns(), facts);
					});
			changed |= kept != relation;
			relations.put(relation.name(), kept);
		}
		return changed ? new CatalogSnapshot(relations, catalog.objects(), true) : catalog;
	}

	/** Relations some migration creates that an {@code ignore-tables} pattern hides. */
	public List<String> ignoredOwned() {
		return this.owned.stream().filter(this::isIgnored).sorted().toList();
	}

	/** Whether an {@code ignore-tables} pattern names the relation. */
	public boolean isIgnored(String name) {
		return matchesAny(this.ignored, name);
	}

	/** Whether one of the compiled patterns names the relation, by key or unqualified name. */
	static boolean matchesAny(List<Pattern> ignored, String name) {
		if (ignored.isEmpty()) {
			return false;
		}
		String unqualified = name.substring(name.indexOf('.') + 1);
		return ignored.stream()
			.anyMatch((pattern) -> pattern.matcher(name).matches() || pattern.matcher(unqualified).matches());
	}

	/** Whether one of the glob patterns names the relation. */
	public static boolean isIgnored(List<String> ignoreTables, String name) {
		return new CatalogScope(Set.of(), Set.of(), Set.of(), Map.of(), Set.of(), ignoreTables, "").isIgnored(name);
	}

	private boolean isEvidence(String name) {
		return !name.equals(this.historyTable) && !this.repeatableOnly.contains(name) && !isIgnored(name);
	}

	static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.trim().toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
