package dev.autobaseline.corpus;

import java.sql.SQLException;

/**
 * The corpus on the real MariaDB server (shadow a temporary database).
 */
class MariadbCorpusTests extends CorpusTests {

	@Override
	String engine() {
		return "mariadb";
	}

	@Override
	CorpusDatabase createDatabase(String name) throws SQLException {
		return new CorpusDatabase.Mariadb(name);
	}

}
