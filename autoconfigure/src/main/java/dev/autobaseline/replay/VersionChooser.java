package dev.autobaseline.replay;

import java.util.ArrayList;
import java.util.List;

import dev.autobaseline.catalog.CatalogComparison;
import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Difference;
import dev.autobaseline.catalog.MatchLevel;
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
		List<List<Difference>> differences = new ArrayList<>(count);
		versions.forEach((version) -> differences.add(CatalogComparison.differences(version.catalog(), live)));

		// The closest version overall: the drift report's reference when nothing matches.
		int closest = closestAt(differences, level);
		List<Integer> candidates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (CatalogComparison.matches(differences.get(i), level)) {
				candidates.add(i);
			}
		}
		// Nothing matches at the level: refuse with the closest version and its differences.
		if (candidates.isEmpty()) {
			return refusal(Detection.Outcome.NO_MATCH, level, List.of(), versions, closest, differences);
		}
		// Among candidates the one whose full catalog differs least wins.
		int bestDistance = candidates.stream().mapToInt((i) -> differences.get(i).size()).min().orElseThrow();
		List<Integer> best = candidates.stream().filter((i) -> differences.get(i).size() == bestDistance).toList();
		List<ReplayedVersion> bestVersions = best.stream().map(versions::get).toList();
		// Equally good but not consecutive (V2 = V4 while V3 differs): skipping V3-V4 could skip data moves.
		if (best.get(best.size() - 1) - best.get(0) != best.size() - 1) {
			return refusal(Detection.Outcome.NON_CONSECUTIVE, level, bestVersions, versions, best.get(0), differences);
		}
		int chosen;
		if (best.size() == 1) {
			chosen = best.get(0);
		}
		else if (onAmbiguous == OnAmbiguous.FAIL) {
			return refusal(Detection.Outcome.AMBIGUOUS, level, bestVersions, versions, best.get(0), differences);
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
			return refusal(Detection.Outcome.ABOVE_TARGET, level, bestVersions, versions, chosen, differences);
		}
		return new Detection(Detection.Outcome.MATCHED, level, version, bestVersions, bestDistance, version,
				differences.get(chosen));
	}

	private static boolean isAbove(ReplayedVersion version, MigrationVersion target) {
		if (version.isEmptyPrefix() || target == null || target.isPredefined()) {
			return false;
		}
		return version.version().isNewerThan(target);
	}

	private static int closestAt(List<List<Difference>> differences, MatchLevel level) {
		int closest = 0;
		long fewest = Long.MAX_VALUE;
		int fewestTotal = Integer.MAX_VALUE;
		for (int i = 0; i < differences.size(); i++) {
			List<Difference> list = differences.get(i);
			long atLevel = list.stream().filter((difference) -> difference.countsAt(level)).count();
			// Ties go to the later version: the database most likely ran further.
			if (atLevel < fewest || (atLevel == fewest && list.size() <= fewestTotal)) {
				closest = i;
				fewest = atLevel;
				fewestTotal = list.size();
			}
		}
		return closest;
	}

	private static Detection refusal(Detection.Outcome outcome, MatchLevel level, List<ReplayedVersion> best,
			List<ReplayedVersion> versions, int closest, List<List<Difference>> differences) {
		return new Detection(outcome, level, null, best, differences.get(closest).size(), versions.get(closest),
				differences.get(closest));
	}

}
