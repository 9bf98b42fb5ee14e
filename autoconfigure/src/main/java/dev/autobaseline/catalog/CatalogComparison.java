package dev.autobaseline.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the catalog the migrations produce with the live one. Pure: no I/O.
 */
public final class CatalogComparison {

	private CatalogComparison() {
	}

	/**
	 * Every difference between the expected (replayed) and the actual (live) catalog, relation
	 * differences first, each in name order.
	 */
	public static List<Difference> differences(CatalogSnapshot expected, CatalogSnapshot actual) {
		List<Difference> differences = new ArrayList<>();
		for (String name : sortedUnion(expected.names(), actual.names())) {
			Relation want = expected.relations().get(name);
			Relation have = actual.relations().get(name);
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
				addColumnDifferences(want, have, differences);
			}
		}
		return differences;
	}

	/** Whether the catalogs agree at the given level. */
	public static boolean matches(List<Difference> differences, MatchLevel level) {
		return differences.stream().noneMatch((difference) -> difference.countsAt(level));
	}

	private static void addColumnDifferences(Relation want, Relation have, List<Difference> differences) {
		Set<String> wanted = new LinkedHashSet<>(want.columns());
		Set<String> had = new LinkedHashSet<>(have.columns());
		for (String column : want.columns()) {
			if (!had.contains(column)) {
				differences.add(new Difference(Difference.Kind.MISSING_COLUMN, want.name(), column));
			}
		}
		for (String column : have.columns()) {
			if (!wanted.contains(column)) {
				differences.add(new Difference(Difference.Kind.EXTRA_COLUMN, have.name(), column));
			}
		}
	}

	private static List<String> sortedUnion(Set<String> a, Set<String> b) {
		Set<String> union = new java.util.TreeSet<>(a);
		union.addAll(b);
		return new ArrayList<>(union);
	}

}
