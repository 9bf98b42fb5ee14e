package dev.autobaseline.replay;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A replay callback that runs after each migration, inside its transaction, on its connection.
 */
abstract class AfterEachMigrate implements Callback {

	@Override
	public final boolean supports(Event event, Context context) {
		return event == Event.AFTER_EACH_MIGRATE;
	}

	@Override
	public final boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public final void handle(Event event, Context context) {
		afterMigration(context);
	}

	/** Called once per migration, versioned or repeatable. */
	abstract void afterMigration(Context context);

}
