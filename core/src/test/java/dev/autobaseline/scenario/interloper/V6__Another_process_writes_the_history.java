package dev.autobaseline.scenario.interloper;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that changes nothing; while a test has set {@link #whileReplayed}, running it
 * (in the replay, between the inspection and the write) lets the test act as another process.
 */
public class V6__Another_process_writes_the_history extends BaseJavaMigration {

	/** What the test does when the replay runs this migration, or {@code null}. */
	public static volatile Runnable whileReplayed;

	@Override
	public void migrate(Context context) {
		Runnable action = whileReplayed;
		if (action != null) {
			action.run();
		}
	}

}
