package dev.autobaseline.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.autobaseline.catalog.CatalogComparison;
import dev.autobaseline.catalog.Difference;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.ReplayedVersion;

/**
 * What detection can tell at one prefix, computed from the corpus alone: the prefixes whose
 * replayed catalog is equal in full to this one's. The chooser ranks candidates by their full
 * catalogs, so a database that is exactly at prefix k is matched at k unless another prefix
 * leaves exactly the same catalog: a consecutive run (data-only migrations) is ambiguous and
 * resolved by {@code on-ambiguous}; equal prefixes with a different one between them are
 * refused.
 *
 * @param prefix the prefix the database is at
 * @param equal the prefixes with the same catalog, in order (the prefix itself included)
 * @param outcome the outcome expected with {@code on-ambiguous=highest}
 * @param chosen the prefix expected to be chosen, or -1 for a refusal
 * @param why why the prefix is not simply matched, or {@code null}
 */
record PrefixExpectation(int prefix, List<Integer> equal, Detection.Outcome outcome, int chosen, String why) {

	static PrefixExpectation of(List<ReplayedVersion> scoped, int prefix) {
		List<Integer> equal = new ArrayList<>();
		for (int i = 0; i < scoped.size(); i++) {
			if (CatalogComparison.differences(scoped.get(i).catalog(), scoped.get(prefix).catalog()).isEmpty()) {
				equal.add(i);
			}
		}
		// Only this prefix leaves this catalog: matched exactly.
		if (equal.size() == 1) {
			return new PrefixExpectation(prefix, equal, Detection.Outcome.MATCHED, prefix, null);
		}
		int first = equal.get(0);
		int last = equal.get(equal.size() - 1);
		// A consecutive run: the migrations inside changed no catalog fact; highest takes the run's end.
		if (last - first == equal.size() - 1) {
			String why = "ambiguous: " + labels(scoped, equal) + " leave equal catalogs (" + changesInside(scoped, equal)
					+ "); on-ambiguous=highest baselines " + scoped.get(last).label();
			return new PrefixExpectation(prefix, equal, Detection.Outcome.MATCHED, last, why);
		}
		// Equal but not consecutive: a prefix between them differs.
		String why = "refused (non-consecutive): " + labels(scoped, equal) + " leave equal catalogs, but "
				+ between(scoped, equal) + " between them";
		return new PrefixExpectation(prefix, equal, Detection.Outcome.NON_CONSECUTIVE, -1, why);
	}

	/** Whether the chooser's detection is what the corpus predicts. */
	boolean isMetBy(Detection detection, List<ReplayedVersion> scoped) {
		if (detection.outcome() != this.outcome) {
			return false;
		}
		return this.chosen < 0 || java.util.Objects.equals(detection.chosen().version(), scoped.get(this.chosen).version());
	}

	/** The level-independent differences between two prefixes, for the report. */
	static List<Difference> differences(List<ReplayedVersion> scoped, int from, int to) {
		return CatalogComparison.differences(scoped.get(from).catalog(), scoped.get(to).catalog());
	}

	/** Whether the migration at the prefix changed facts only (an index, a check, a label): not columns. */
	static boolean changesFactsOnly(List<ReplayedVersion> scoped, int prefix) {
		List<Difference> differences = differences(scoped, prefix - 1, prefix);
		return !differences.isEmpty() && differences.stream().noneMatch((d) -> d.countsAt(MatchLevel.COLUMNS));
	}

	/** Whether the migration at the prefix changed top-level objects only (a type, a function, a sequence). */
	static boolean changesObjectsOnly(List<ReplayedVersion> scoped, int prefix) {
		List<Difference> differences = differences(scoped, prefix - 1, prefix);
		return !differences.isEmpty() && differences.stream().allMatch((d) -> d.relation() == null);
	}

	private static String labels(List<ReplayedVersion> scoped, List<Integer> indexes) {
		return indexes.stream().map((i) -> scoped.get(i).label()).collect(Collectors.joining(", "));
	}

	private static String changesInside(List<ReplayedVersion> scoped, List<Integer> run) {
		return run.subList(1, run.size())
			.stream()
			.map((i) -> scoped.get(i).label() + " \"" + scoped.get(i).description() + "\"")
			.collect(Collectors.joining(", ")) + " changed data or nothing the catalog holds";
	}

	private static String between(List<ReplayedVersion> scoped, List<Integer> equal) {
		List<String> parts = new ArrayList<>();
		for (int i = equal.get(0) + 1; i < equal.get(equal.size() - 1); i++) {
			if (!equal.contains(i)) {
				List<Difference> differences = differences(scoped, equal.get(0), i);
				parts.add(scoped.get(i).label() + " differs by " + differences.stream()
					.limit(3)
					.map((d) -> d.kind() + " " + d.relation() + ((d.column() != null) ? " " + d.column() : ""))
					.collect(Collectors.joining("; ")));
			}
		}
		return String.join(", ", parts);
	}

}
