package dev.autobaseline.spring;

import java.util.List;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Read-only {@code autobaseline} Actuator endpoint: what the starter found and did on the last
 * migration, as the one INFO line says it and field by field.
 */
@Endpoint(id = "autobaseline")
public class AutobaselineEndpoint {

	private final Autobaseline autobaseline;

	private final AutobaselineProperties properties;

	public AutobaselineEndpoint(Autobaseline autobaseline, AutobaselineProperties properties) {
		this.autobaseline = autobaseline;
		this.properties = properties;
	}

	@ReadOperation
	public AutobaselineDescriptor autobaseline() {
		AdoptionReport report = this.autobaseline.lastReport();
		return new AutobaselineDescriptor(SettingsDescriptor.of(this.properties),
				(report != null) ? DecisionDescriptor.of(report) : null);
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param settings the settings the decision was taken with
	 * @param lastDecision the last decision, or {@code null} when nothing has called the starter
	 * (a Flyway migration strategy or Flyway beans of the application's own)
	 */
	public record AutobaselineDescriptor(SettingsDescriptor settings, DecisionDescriptor lastDecision)
			implements OperationResponseBody {

	}

	/**
	 * The {@code autobaseline.*} settings that shape a decision.
	 *
	 * @param mode detect or fixed
	 * @param match the match level
	 * @param onAmbiguous the policy for equally good consecutive versions
	 * @param ignoreTables glob patterns of live tables left out
	 * @param dryRun whether the starter only plans
	 * @param rebaseline whether a wrong BASELINE row is rewritten
	 * @param record how an adoption is recorded: one BASELINE row, or one row per migration
	 */
	public record SettingsDescriptor(String mode, String match, String onAmbiguous, List<String> ignoreTables,
			boolean dryRun, boolean rebaseline, String record) {

		static SettingsDescriptor of(AutobaselineProperties properties) {
			return new SettingsDescriptor(name(properties.getMode()), name(properties.getMatch()),
					name(properties.getOnAmbiguous()), List.copyOf(properties.getIgnoreTables()), properties.isDryRun(),
					properties.isRebaseline(), name(properties.getRecord()));
		}

	}

	/**
	 * One decision: what was found, the evidence, and what was done.
	 *
	 * @param summary the INFO line logged for it
	 * @param state the state found ({@code EMPTY}, {@code UNMANAGED}, {@code BASELINED}, {@code MANAGED})
	 * @param schemas the schemas Flyway manages
	 * @param evidence how the version was found ({@code matched V4}, {@code fixed version 3}), or {@code null}
	 * @param level the match level, when the version was detected
	 * @param distance differences between the matched version's full catalog and the live one
	 * @param candidates the versions that matched equally well
	 * @param baselineVersion the version of the BASELINE row after this decision, or {@code null}
	 * @param baselineWritten whether this decision wrote (or rewrote) the BASELINE row
	 * @param migrationsApplied how many migrations Flyway applied (would apply, in a dry run; -1 when unknown)
	 * @param pending the migrations a dry run would apply
	 * @param dryRun whether nothing was written
	 * @param elapsedMillis the time the starter took, migration included
	 * @param warnings what the user should know (objects left alone, ambiguity resolved by policy)
	 * @param backup the backup taken before the first write, or how to take one, or {@code null}
	 */
	public record DecisionDescriptor(String summary, String state, String schemas, String evidence, String level,
			Integer distance, List<String> candidates, String baselineVersion, boolean baselineWritten,
			int migrationsApplied, List<String> pending, boolean dryRun, long elapsedMillis, List<String> warnings,
			String backup) {

		static DecisionDescriptor of(AdoptionReport report) {
			return new DecisionDescriptor(report.summary(), report.state().name(), report.schemas(), report.evidence(),
					name(report.level()), report.distance(), report.candidates(), report.baselineVersion(),
					report.baselineWritten(), report.migrationsApplied(), report.pending(), report.dryRun(),
					report.elapsedMillis(), report.warnings(), report.backup());
		}

	}

	/** An enum constant as it is written in properties: {@code on-ambiguous: highest}. */
	private static String name(Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(java.util.Locale.ROOT) : null;
	}

}
