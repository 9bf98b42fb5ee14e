package dev.autobaseline.autoconfigure.slowreplay;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A data-only migration that takes longer than the replay's first progress line, found by
 * Flyway in its locations (so the replay runs it).
 */
public class V2__Wait_for_a_progress_line extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws InterruptedException {
		Thread.sleep(2_300);
	}

}
