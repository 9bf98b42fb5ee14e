package dev.autobaseline.engine;

import java.util.List;

import dev.autobaseline.catalog.MatchLevel;

/**
 * What one boot found and did. {@link #summary()} is the one INFO line per boot.
 *
 * @param state the state found
 * @param schemas the managed schemas, as a person names them
 * @param evidence how the version was found: {@code matched V4}, {@code fixed version 3}, or {@code null}
 * @param level the match level, when detected
 * @param distance differences between the full snapshots of the matched version and live, when detected
 * @param candidates the equally good versions, when detected
 * @param baselineVersion the BASELINE row's version after this boot, or {@code null}
 * @param baselineWritten whether this boot wrote (or rewrote) the BASELINE row
 * @param migrationsApplied how many migrations Flyway applied (or would apply, in a dry run; -1 when unknown)
 * @param pending the migrations a dry run would apply
 * @param dryRun whether nothing was written
 * @param elapsedMillis the whole boot's time in the starter
 * @param warnings what the user should know (left-alone objects, ambiguity resolved by policy)
 * @param backup the backup taken before the first write (SQLite), or how to take one (PostgreSQL), or {@code null}
 */
public record AdoptionReport(SchemaState state, String schemas, String evidence, MatchLevel level, Integer distance,
		List<String> candidates, String baselineVersion, boolean baselineWritten, int migrationsApplied,
		List<String> pending, boolean dryRun, long elapsedMillis, List<String> warnings, String backup) {

	public AdoptionReport {
		candidates = List.copyOf(candidates);
		pending = List.copyOf(pending);
		warnings = List.copyOf(warnings);
	}

	/** This report with the backup noted. */
	public AdoptionReport withBackup(String backup) {
		return new AdoptionReport(this.state, this.schemas, this.evidence, this.level, this.distance, this.candidates,
				this.baselineVersion, this.baselineWritten, this.migrationsApplied, this.pending, this.dryRun,
				this.elapsedMillis, this.warnings, backup);
	}

	/**
	 * One line, e.g. {@code autobaseline: UNMANAGED schema "public" matched V4 (columns, strict distance 0)
	 * in 212 ms; baselined at 4; Flyway applied 2 migrations}.
	 */
	public String summary() {
		StringBuilder line = new StringBuilder("autobaseline: ");
		if (this.dryRun) {
			line.append("dry run: ");
		}
		line.append(this.state).append(' ').append(this.schemas);
		if (this.evidence != null) {
			line.append(' ').append(this.evidence);
			if (this.level != null) {
				line.append(" (").append(this.level.name().toLowerCase(java.util.Locale.ROOT))
					.append(", strict distance ").append(this.distance).append(')');
			}
		}
		line.append(" in ").append(this.elapsedMillis).append(" ms");
		if (this.baselineVersion != null) {
			line.append(this.dryRun ? "; would baseline at " : (this.baselineWritten ? "; baselined at " : "; baseline kept at "))
				.append(this.baselineVersion);
		}
		if (this.dryRun) {
			line.append("; Flyway would apply ")
				.append((this.migrationsApplied < 0) ? "the pending" : String.valueOf(this.migrationsApplied))
				.append(plural(this.migrationsApplied));
			if (!this.pending.isEmpty()) {
				line.append(" (").append(String.join(", ", this.pending)).append(')');
			}
			line.append("; nothing was written");
		}
		else {
			line.append("; Flyway applied ").append(this.migrationsApplied).append(plural(this.migrationsApplied));
		}
		return line.toString();
	}

	private static String plural(int count) {
		return (count == 1) ? " migration" : " migrations";
	}

}
