package dev.autobaseline.replay;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.autobaseline.catalog.CatalogComparison;
import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Difference;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.catalog.Relation;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Chooses the version a live catalog is at from the catalogs of every replayed prefix. A pure
 * function over facts gathered beforehand.
 */
public final class VersionChooser {

	private VersionChooser() {
	}

	/**
	 * Decide which prefix the live catalog is at.
	 * @param versions the replayed prefixes, empty prefix first, already filtered like live
	 * @param live the live catalog, filtered (foreign and ignored relations left out)
	 * @param level the tolerance for a candidate
	 * @param onAmbiguous the policy for a consecutive run of equally good candidates
	 * @param target {@code spring.flyway.target}, or {@code null} / a predefined version for none
	 */
	public static Detection choose(List<ReplayedVersion> versions, CatalogSnapshot live, MatchLevel level,
			OnAmbiguous onAmbiguous, MigrationVersion target) {
		int count = versions.size();
		// How far each prefix is from live, counted without listing the differences: only the
		// version reported on needs its list.
		Distances distances = new Distances(live, level);
		int[] atLevel = new int[count];
		int[] total = new int[count];
		int[] names = new int[count];
		for (int i = 0; i < count; i++) {
			distances.measure(versions.get(i).catalog());
			atLevel[i] = distances.atLevel;
			total[i] = distances.total;
			names[i] = distances.names;
		}

		// The closest version overall: the drift report's reference when nothing matches.
		int closest = closestAt(names, atLevel, total);
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (atLevel[i] == 0) {
				candidates.add(i);
			}
		}
		// Candidates are ranked by their full snapshots: a signature (facts not read) cannot be.
		for (int i : candidates) {
			if (!versions.get(i).catalog().full()) {
				throw new SignatureCandidateException(versions.get(i), level.name().toLowerCase(java.util.Locale.ROOT));
			}
		}
		// Nothing matches at the level: refuse with the closest version and its differences.
		if (candidates.isEmpty()) {
			return refusal(Detection.Outcome.NO_MATCH, level, List.of(), versions, closest, live);
		}
		// Among candidates the one whose full catalog differs least wins.
		int bestDistance = candidates.stream().mapToInt((i) -> total[i]).min().orElseThrow();
		List<Integer> best = candidates.stream().filter((i) -> total[i] == bestDistance).toList();
		List<ReplayedVersion> bestVersions = best.stream().map(versions::get).toList();
		// Equally good but not consecutive (V2 = V4 while V3 differs): skipping V3-V4 could skip data moves.
		if (best.get(best.size() - 1) - best.get(0) != best.size() - 1) {
			return refusal(Detection.Outcome.NON_CONSECUTIVE, level, bestVersions, versions, best.get(0), live);
		}
		int chosen;
		if (best.size() == 1) {
			chosen = best.get(0);
		}
		else if (onAmbiguous == OnAmbiguous.FAIL) {
			return refusal(Detection.Outcome.AMBIGUOUS, level, bestVersions, versions, best.get(0), live);
		}
		else if (onAmbiguous == OnAmbiguous.LOWEST) {
			chosen = best.get(0);
		}
		else {
			// A consecutive run: the migrations inside it changed data only, as far as the replay could see.
			// An inert stand-in (a JavaMigration bean) was not observed: never treat it as applied.
			chosen = best.get(0);
			while (chosen < best.get(best.size() - 1) && !versions.get(chosen + 1).inert()) {
				chosen++;
			}
		}
		ReplayedVersion version = versions.get(chosen);
		// The database is already past the version the application is told to migrate to.
		if (isAbove(version, target)) {
			return refusal(Detection.Outcome.ABOVE_TARGET, level, bestVersions, versions, chosen, live);
		}
		return new Detection(Detection.Outcome.MATCHED, level, version, bestVersions, bestDistance, version,
				CatalogComparison.differences(version.catalog(), live));
	}

	private static boolean isAbove(ReplayedVersion version, MigrationVersion target) {
		if (version.isEmptyPrefix() || target == null || target.isPredefined()) {
			return false;
		}
		return version.version().isNewerThan(target);
	}

	/**
	 * The version with the fewest differences in names (tables and columns), then at the level,
	 * then in all: at {@code strict} a version with the right tables and columns but other types
	 * is closer than the empty schema, although one extra table counts once.
	 */
	private static int closestAt(int[] names, int[] atLevel, int[] total) {
		int closest = 0;
		for (int i = 1; i < atLevel.length; i++) {
			int byNames = Integer.compare(names[i], names[closest]);
			int byLevel = Integer.compare(atLevel[i], atLevel[closest]);
			// Ties go to the later version: the database most likely ran further.
			if (byNames < 0 || (byNames == 0 && (byLevel < 0 || (byLevel == 0 && total[i] <= total[closest])))) {
				closest = i;
			}
		}
		return closest;
	}

	private static Detection refusal(Detection.Outcome outcome, MatchLevel level, List<ReplayedVersion> best,
			List<ReplayedVersion> versions, int closest, CatalogSnapshot live) {
		List<Difference> differences = CatalogComparison.differences(versions.get(closest).catalog(), live);
		return new Detection(outcome, level, null, best, differences.size(), versions.get(closest), differences);
	}

	/**
	 * Counts the differences between prefixes and live, as {@link CatalogComparison#differences}
	 * would list them. Consecutive prefixes share their unchanged relations (the same instances):
	 * each relation instance is compared with live once.
	 */
	private static final class Distances {

		private final CatalogSnapshot live;

		private final MatchLevel level;

		private final boolean extraCounts;

		private final Map<Relation, int[]> byRelation = new IdentityHashMap<>();

		/** The same for relations of signatures, compared without their facts. */
		private final Map<Relation, int[]> bySignatureRelation = new IdentityHashMap<>();

		/** The same for relations of signatures of names only, compared by presence and kind. */
		private final Map<Relation, int[]> byNamedRelation = new IdentityHashMap<>();

		private final Map<Map<String, String>, int[]> byObjects = new IdentityHashMap<>();

		private CatalogSnapshot last;

		int atLevel;

		int total;

		/** Differences at {@code columns} or below: table and column names. */
		int names;

		Distances(CatalogSnapshot live, MatchLevel level) {
			this.live = live;
			this.level = level;
			this.extraCounts = new Difference(Difference.Kind.EXTRA_RELATION, "", null).countsAt(level);
		}

		void measure(CatalogSnapshot catalog) {
			if (catalog == this.last) {
				return;
			}
			int atLevel = 0;
			int total = 0;
			int names = 0;
			int inLive = 0;
			boolean facts = catalog.full() && this.live.full();
			boolean columns = catalog.columnsRead() && this.live.columnsRead();
			Map<Relation, int[]> known = facts ? this.byRelation
					: columns ? this.bySignatureRelation : this.byNamedRelation;
			for (Map.Entry<String, Relation> entry : catalog.relations().entrySet()) {
				String name = entry.getKey();
				Relation want = entry.getValue();
				Relation have = this.live.relations().get(name);
				inLive += (have != null) ? 1 : 0;
				int[] counts = (name.equals(want.name())) ? known.get(want) : null;
				if (counts == null) {
					counts = count(CatalogComparison.differences(name, want, have, facts, columns));
					if (name.equals(want.name())) {
						known.put(want, counts);
					}
				}
				atLevel += counts[0];
				total += counts[1];
				names += counts[2];
			}
			// Every live relation the prefix lacks is one EXTRA_RELATION.
			int extra = this.live.relations().size() - inLive;
			// Types, functions and sequences: consecutive prefixes share one map while they are unchanged.
			boolean objectsRead = catalog.objectsRead() && this.live.objectsRead();
			int[] objects = !objectsRead ? new int[3] : this.byObjects.computeIfAbsent(catalog.objects(),
					(want) -> count(CatalogComparison.objectDifferences(want, this.live.objects())));
			this.atLevel = atLevel + (this.extraCounts ? extra : 0) + objects[0];
			this.total = total + extra + objects[1];
			this.names = names + extra;
			this.last = catalog;
		}

		private int[] count(List<Difference> differences) {
			int atLevel = 0;
			int names = 0;
			for (Difference difference : differences) {
				atLevel += difference.countsAt(this.level) ? 1 : 0;
				names += difference.countsAt(MatchLevel.COLUMNS) ? 1 : 0;
			}
			return new int[] { atLevel, differences.size(), names };
		}

	}

}
