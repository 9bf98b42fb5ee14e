package dev.autobaseline.corpus;

/**
 * The corpus on SQLite files (shadow in memory).
 */
class SqliteCorpusTests extends CorpusTests {

	@Override
	String engine() {
		return "sqlite";
	}

	@Override
	CorpusDatabase createDatabase(String name) {
		return new CorpusDatabase.Sqlite(this.temp.resolve(name + ".db"));
	}

}
