package dev.autobaseline.corpus;

import java.sql.SQLException;

/**
 * The corpus on the real PostgreSQL server (shadow a temporary database).
 */
class PostgresqlCorpusTests extends CorpusTests {

	@Override
	String engine() {
		return "postgresql";
	}

	@Override
	CorpusDatabase createDatabase(String name) throws SQLException {
		return new CorpusDatabase.Postgresql(name);
	}

}
