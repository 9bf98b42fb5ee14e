package dev.autobaseline.compat;

/** The adoption on a database of its own on the MariaDB server. */
class MariadbAdoptionTests extends AdoptionScenario {

	@Override
	LegacyDatabase createDatabase() throws Exception {
		return LegacyDatabase.mariadb();
	}

}
