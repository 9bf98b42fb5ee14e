package dev.autobaseline.compat;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The adoption on a SQLite file (its backup is written beside it, in the same folder). */
class SqliteAdoptionTests extends AdoptionScenario {

	@TempDir
	Path folder;

	@Override
	LegacyDatabase createDatabase() {
		return LegacyDatabase.sqlite(this.folder.resolve("legacy.db"));
	}

}
