package dev.autobaseline.compat;

/** The adoption on a database of its own on the PostgreSQL server. */
class PostgresqlAdoptionTests extends AdoptionScenario {

	@Override
	LegacyDatabase createDatabase() throws Exception {
		return LegacyDatabase.postgresql();
	}

}
