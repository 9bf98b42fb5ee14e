package dev.autobaseline.engine;

import java.util.List;

import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.ReplayResult;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The version to baseline at and why.
 */
record Verdict(String version, String evidence, Detection detection, ReplayResult replay) {

	/** Whether a recorded baseline version agrees with the evidence. */
	boolean accepts(String recorded) {
		MigrationVersion candidate = MigrationVersion.fromVersion(recorded);
		if (this.detection == null) {
			return candidate.equals(MigrationVersion.fromVersion(this.version));
		}
		return this.detection.best()
			.stream()
			.anyMatch((version) -> candidate.equals(version.isEmptyPrefix() ? MigrationVersion.fromVersion("0")
					: version.version()));
	}

	/** The versioned migrations above the baseline, as a person names them. */
	List<String> pendingAbove(String baselineVersion) {
		if (this.replay == null) {
			return List.of();
		}
		MigrationVersion baseline = MigrationVersion.fromVersion(baselineVersion);
		return this.replay.migrations()
			.stream()
			.filter((version) -> version.version().isNewerThan(baseline))
			.map((version) -> version.label() + " " + version.description())
			.toList();
	}

}
