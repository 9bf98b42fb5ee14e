package dev.autobaseline.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the catalog the migrations produce with the live one. Pure: no I/O.
 */
public final class CatalogComparison {

	private CatalogComparison() {
	}

	/**
	 * Every difference between the expected (replayed) and the actual (live) catalog, relation
	 * differences first, each in name order. When either is a signature, relation facts are left
	 * out, columns when either is a signature of names only, and top-level objects when either has
	 * not read them.
	 */
	public static List<Difference> differences(CatalogSnapshot expected, CatalogSnapshot actual) {
		List<Difference> differences = new ArrayList<>();
		boolean facts = expected.full() && actual.full();
		boolean columns = expected.columnsRead() && actual.columnsRead();
		for (String name : sortedUnion(expected.names(), actual.names())) {
			addDifferences(name, expected.relations().get(name), actual.relations().get(name), facts, columns,
					differences);
		}
		if (expected.objectsRead() && actual.objectsRead()) {
			differences.addAll(objectDifferences(expected.objects(), actual.objects()));
		}
		return differences;
	}

	/**
	 * The differences of the top-level objects that are not relations (types, functions,
	 * sequences), in key order.
	 */
	public static List<Difference> objectDifferences(Map<String, String> want, Map<String, String> have) {
		if (want == have || want.equals(have)) {
			return List.of();
		}
		List<Difference> differences = new ArrayList<>();
		addFactDifferences(null, want, have, Set.of(), differences);
		return differences;
	}

	/**
	 * The differences of one relation: what {@link #differences} lists for it.
	 * @param name the relation's key
	 * @param want the relation in the expected catalog, or {@code null}
	 * @param have the relation in the actual catalog, or {@code null}
	 */
	public static List<Difference> differences(String name, Relation want, Relation have) {
		return differences(name, want, have, true);
	}

	/**
	 * The differences of one relation, its facts compared only when {@code facts} is set (both
	 * sides read in full).
	 */
	public static List<Difference> differences(String name, Relation want, Relation have, boolean facts) {
		return differences(name, want, have, facts, true);
	}

	/**
	 * The differences of one relation, its columns compared only when {@code columns} is set (both
	 * sides read them) and its facts only when {@code facts} is set (both sides read in full).
	 */
	public static List<Difference> differences(String name, Relation want, Relation have, boolean facts,
			boolean columns) {
		if (want == have) {
			return List.of();
		}
		List<Difference> differences = new ArrayList<>(1);
		addDifferences(name, want, have, facts && columns, columns, differences);
		return differences;
	}

	/** Whether the catalogs agree at the given level. */
	public static boolean matches(List<Difference> differences, MatchLevel level) {
		return differences.stream().noneMatch((difference) -> difference.countsAt(level));
	}

	private static void addDifferences(String name, Relation want, Relation have, boolean facts, boolean columns,
			List<Difference> differences) {
		if (want == have) {
			// The same instance (or both absent): snapshots share unchanged relations.
			return;
		}
		if (have == null) {
			differences.add(new Difference(Difference.Kind.MISSING_RELATION, name, null));
		}
		else if (want == null) {
			differences.add(new Difference(Difference.Kind.EXTRA_RELATION, name, null));
		}
		else {
			if (want.kind() != have.kind()) {
				differences.add(new Difference(Difference.Kind.KIND_MISMATCH, name, null));
			}
			if (!columns) {
				return;
			}
			Set<String> unpaired = addColumnDifferences(want, have, differences);
			if (facts) {
				addFactDifferences(name, want.facts(), have.facts(), unpaired, differences);
			}
		}
	}

	/**
	 * Facts missing, extra or changed. A column present on one side only is already a column
	 * difference: its {@code column} fact is not listed again.
	 */
	private static void addFactDifferences(String owner, Map<String, String> want, Map<String, String> have,
			Set<String> unpairedColumns, List<Difference> differences) {
		if (want.equals(have)) {
			return;
		}
		for (String key : sortedUnion(want.keySet(), have.keySet())) {
			if (unpairedColumns.contains(key)) {
				continue;
			}
			String wanted = want.get(key);
			String had = have.get(key);
			if (had == null) {
				differences.add(new Difference(Difference.Kind.MISSING_FACT, owner, key, wanted, null));
			}
			else if (wanted == null) {
				differences.add(new Difference(Difference.Kind.EXTRA_FACT, owner, key, null, had));
			}
			else if (!wanted.equals(had)) {
				differences.add(new Difference(Difference.Kind.CHANGED_FACT, owner, key, wanted, had));
			}
		}
	}

	/** Adds the column differences; returns the {@code column} fact keys of columns on one side only. */
	private static Set<String> addColumnDifferences(Relation want, Relation have, List<Difference> differences) {
		if (want.columns().equals(have.columns())) {
			return Set.of();
		}
		Set<String> unpaired = new HashSet<>();
		Set<String> wanted = new HashSet<>(want.columns());
		Set<String> had = new HashSet<>(have.columns());
		for (String column : want.columns()) {
			if (!had.contains(column)) {
				differences.add(new Difference(Difference.Kind.MISSING_COLUMN, want.name(), column));
				unpaired.add("column " + column);
			}
		}
		for (String column : have.columns()) {
			if (!wanted.contains(column)) {
				differences.add(new Difference(Difference.Kind.EXTRA_COLUMN, have.name(), column));
				unpaired.add("column " + column);
			}
		}
		return unpaired;
	}

	private static List<String> sortedUnion(Set<String> a, Set<String> b) {
		Set<String> union = new java.util.TreeSet<>(a);
		union.addAll(b);
		return new ArrayList<>(union);
	}

}
