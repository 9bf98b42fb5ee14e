package dev.autobaseline.scenario.reachlive;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Java migration that writes to a database it names, as one written for another
 * environment might: on MariaDB the shadow's connection could reach live this way.
 */
public class V6__Write_to_live_by_name extends BaseJavaMigration {

	/** The database it names (the test's live one). */
	public static volatile String target;

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("CREATE TABLE `" + target + "`.escape (a INT)");
		}
	}

}
