package dev.autobaseline.replay;

import java.util.List;

import dev.autobaseline.catalog.Difference;
import dev.autobaseline.catalog.MatchLevel;

/**
 * The outcome of comparing every replayed prefix with the live catalog, with its evidence.
 *
 * @param outcome what was decided
 * @param level the match level used
 * @param chosen the version to baseline at ({@code MATCHED} only), else {@code null}
 * @param best the equally closest candidates, in version order (empty when none matched)
 * @param distance the number of differences between {@code chosen} (or the closest version) and live
 * @param closest the version closest to live (for a drift report when nothing matched)
 * @param differences the differences between {@code closest} and live
 */
public record Detection(Outcome outcome, MatchLevel level, ReplayedVersion chosen, List<ReplayedVersion> best,
		int distance, ReplayedVersion closest, List<Difference> differences) {

	public Detection {
		best = List.copyOf(best);
		differences = List.copyOf(differences);
	}

	/** What the comparison decided. */
	public enum Outcome {

		/** One version (or a run resolved by {@code on-ambiguous}) to baseline at. */
		MATCHED,

		/** No version matches at the level. */
		NO_MATCH,

		/** A consecutive run matches equally well and {@code on-ambiguous} is {@code fail}. */
		AMBIGUOUS,

		/** Equally good matches that are not consecutive: skipping between them could skip data moves. */
		NON_CONSECUTIVE,

		/** The match lies above {@code spring.flyway.target}. */
		ABOVE_TARGET

	}

	public boolean matched() {
		return this.outcome == Outcome.MATCHED;
	}

	/**
	 * The same decision with the closest version read again (in full) and its differences listed
	 * from that catalog: which version is closest does not change.
	 */
	public Detection withClosest(ReplayedVersion closest, List<Difference> differences) {
		if (!java.util.Objects.equals(closest.version(), this.closest.version())) {
			throw new IllegalArgumentException("Not the closest version " + this.closest.label() + ": " + closest.label());
		}
		return new Detection(this.outcome, this.level, this.chosen, this.best,
				matched() ? this.distance : differences.size(), closest, differences);
	}

}
