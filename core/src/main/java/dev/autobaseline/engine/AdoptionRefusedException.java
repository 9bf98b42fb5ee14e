package dev.autobaseline.engine;

import java.util.List;

import dev.autobaseline.catalog.Difference;
import dev.autobaseline.dialect.HostNamedException;
import dev.autobaseline.replay.Detection;

/**
 * Thrown when the starter will not adopt or migrate a database, leaving it untouched. Carries
 * what was found ({@link #getDescription()}) and what gets the user further ({@link #getAction()}).
 */
public class AdoptionRefusedException extends HostNamedException {

	/** Why the starter refused. */
	public enum Reason {

		/** No version's catalog matches the live one. */
		NO_MATCH,

		/** Equally good consecutive versions with {@code on-ambiguous: fail}. */
		AMBIGUOUS,

		/** Equally good versions that are not consecutive. */
		NON_CONSECUTIVE,

		/** The match lies above {@code spring.flyway.target}. */
		ABOVE_TARGET,

		/** A BASELINE row disagrees with the detected version. */
		BASELINE_MISMATCH,

		/** The history holds failed migrations. */
		FAILED_MIGRATIONS,

		/** The schema of a managed database drifted from what its history records. */
		DRIFT,

		/** Flyway's validation rejected the history. */
		VALIDATION_FAILED,

		/** A Flyway history exists under another name or schema. */
		FOREIGN_HISTORY,

		/**
		 * The database is not empty and Flyway resolves no versioned migration (a mistyped
		 * {@code spring.flyway.locations}): there is no evidence to baseline on.
		 */
		NO_MIGRATIONS,

		/**
		 * The history table changed between the inspection and the write (a process that does not
		 * take the adoption lock wrote to it): nothing was written.
		 */
		HISTORY_CHANGED

	}

	private final SchemaState state;

	private final Reason reason;

	private final String description;

	private final String action;

	private final transient Detection detection;

	public AdoptionRefusedException(SchemaState state, Reason reason, String description, String action,
			Detection detection, Throwable cause) {
		super(description + System.lineSeparator() + "Action: " + action, cause);
		this.state = state;
		this.reason = reason;
		this.description = description;
		this.action = action;
		this.detection = detection;
	}

	public SchemaState getState() {
		return this.state;
	}

	public Reason getReason() {
		return this.reason;
	}

	/** What was found, for a failure analysis' Description. */
	public String getDescription() {
		return named(this.description);
	}

	/** What to do, for a failure analysis' Action. */
	public String getAction() {
		return named(this.action);
	}

	/** The detection behind the refusal, or {@code null}. */
	public Detection getDetection() {
		return this.detection;
	}

	/** The differences between the closest version and live, empty when there was no detection. */
	public List<Difference> getDifferences() {
		return (this.detection != null) ? this.detection.differences() : List.of();
	}

}
