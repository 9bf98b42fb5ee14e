package dev.autobaseline.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.autobaseline.engine.AdoptionRefusedException;
import dev.autobaseline.engine.AdoptionRefusedException.Reason;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refusal into Spring Boot's Description / Action report instead of a stack trace. The
 * refusal carries both texts; for Flyway's own validation failures the Action names what fixes
 * each problem Flyway listed.
 */
public class AdoptionRefusedFailureAnalyzer extends AbstractFailureAnalyzer<AdoptionRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AdoptionRefusedException cause) {
		String action = (cause.getReason() == Reason.VALIDATION_FAILED) ? validationAction(cause) : cause.getAction();
		return new FailureAnalysis(cause.getDescription(), action, cause);
	}

	/** One sentence per kind of problem in Flyway's validation message, else the refusal's own. */
	private static String validationAction(AdoptionRefusedException refusal) {
		String flyway = String.valueOf(refusal.getDescription()).toLowerCase(Locale.ROOT);
		List<String> actions = new ArrayList<>();
		if (flyway.contains("checksum mismatch")) {
			actions.add("A migration script changed after it was applied. Restore the script as it was applied"
					+ " (from version control), or, if the database already has the change, record the new checksum"
					+ " with Flyway's repair (flyway repair, or Flyway.repair() once) and start again.");
		}
		if (flyway.contains("description mismatch") || flyway.contains("type mismatch")) {
			actions.add("A migration was renamed or changed kind after it was applied. Restore its file name, or"
					+ " realign the history with Flyway's repair (flyway repair, or Flyway.repair() once).");
		}
		if (flyway.contains("not resolved locally")) {
			actions.add("The database holds migrations this application does not have. Run the application"
					+ " version that has them, restore the missing scripts, or, if that is intended, set"
					+ " spring.flyway.ignore-migration-patterns (Spring Boot's default *:future lets versions above"
					+ " the application's latest through; *:missing also lets through removed ones).");
		}
		if (flyway.contains("not applied to database")) {
			actions.add("A migration below the database's latest version was never applied. Set"
					+ " spring.flyway.out-of-order=true to apply it, or spring.flyway.ignore-migration-patterns=*:ignored"
					+ " to leave it out.");
		}
		return actions.isEmpty() ? refusal.getAction() : String.join(" ", actions);
	}

}
