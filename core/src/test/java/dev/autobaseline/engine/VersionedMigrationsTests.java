package dev.autobaseline.engine;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as a versioned migration the application has, asked of real Flyway on a SQLite
 * file: versioned SQL and B baseline scripts do; repeatables, an empty folder and history rows
 * whose scripts are gone do not.
 */
class VersionedMigrationsTests {

	@TempDir
	Path temp;

	private Flyway flyway(Path folder) {
		return Flyway.configure()
			.dataSource("jdbc:sqlite:" + this.temp.resolve("live.db"), null, null)
			.locations("filesystem:" + folder)
			.load();
	}

	private Path folder(String name, String... namesAndScripts) throws Exception {
		Path folder = Files.createDirectories(this.temp.resolve(name));
		for (int i = 0; i < namesAndScripts.length; i += 2) {
			Files.writeString(folder.resolve(namesAndScripts[i]), namesAndScripts[i + 1]);
		}
		return folder;
	}

	@Test
	void aFolderThatDoesNotExistHasNone() {
		assertThat(VersionedMigrations.anyResolved(flyway(this.temp.resolve("missing")))).isFalse();
	}

	@Test
	void repeatablesAloneAreNone() throws Exception {
		assertThat(VersionedMigrations.anyResolved(flyway(folder("r", "R__view.sql", "SELECT 1;")))).isFalse();
	}

	@Test
	void aVersionedScriptIsOne() throws Exception {
		assertThat(VersionedMigrations.anyResolved(flyway(folder("v", "V1__t.sql", "CREATE TABLE t (a INTEGER);"))))
			.isTrue();
	}

	@Test
	void aBaselineScriptIsOne() throws Exception {
		assertThat(VersionedMigrations.anyResolved(flyway(folder("b", "B3__t.sql", "CREATE TABLE t (a INTEGER);"))))
			.isTrue();
	}

	@Test
	void historyRowsWhoseScriptsAreGoneAreNone() throws Exception {
		Path scripts = folder("applied", "V1__t.sql", "CREATE TABLE t (a INTEGER);");
		flyway(scripts).migrate();
		assertThat(VersionedMigrations.anyResolved(flyway(folder("empty")))).isFalse();
		assertThat(VersionedMigrations.anyResolved(flyway(scripts))).isTrue();
	}

}
