package dev.autobaseline.replay;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.ShadowSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay on a real SQLite file's configuration, into its in-memory shadow.
 */
class ShadowReplayTests {

	@TempDir
	Path temp;

	@Test
	void replayLeavesFlywaysStaticLogConfigurationOnTheLiveConfiguration() throws Exception {
		Path migrations = Files.createDirectories(this.temp.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_note.sql"), "CREATE TABLE note (id INTEGER PRIMARY KEY);\n");
		String url = "jdbc:sqlite:" + this.temp.resolve("live.db");
		LiveDatabase live = new LiveDatabase(new DriverManagerDataSource(url, null, null), url, null, null);
		Configuration configuration = Flyway.configure()
			.dataSource(live.dataSource())
			.locations("filesystem:" + migrations)
			.load()
			.getConfiguration();
		ReplayResult result = new ShadowReplay(Dialect.forUrl(url), live, ShadowSettings.NONE,
				java.time.Duration.ofMinutes(1), false, FlywayQuieter.NONE)
			.replay(configuration, "main", List.of("main"));
		assertThat(result.migrations()).hasSize(1);
		// Otherwise the shadow's configuration, with the snapshot callback and every snapshot, stays reachable.
		assertThat(staticLogConfiguration()).isSameAs(configuration);
	}

	@Test
	void aVersionNamedToBeReadInFullIsReadInFullAndTheOthersAsThePolicySays() throws Exception {
		Path migrations = Files.createDirectories(this.temp.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_note.sql"), "CREATE TABLE note (id INTEGER PRIMARY KEY);\n");
		Files.writeString(migrations.resolve("V2__index_note.sql"), "CREATE INDEX note_id ON note (id);\n");
		Files.writeString(migrations.resolve("V3__create_tag.sql"), "CREATE TABLE tag (id INTEGER PRIMARY KEY);\n");
		String url = "jdbc:sqlite:" + this.temp.resolve("live.db");
		LiveDatabase live = new LiveDatabase(new DriverManagerDataSource(url, null, null), url, null, null);
		Configuration configuration = Flyway.configure()
			.dataSource(live.dataSource())
			.locations("filesystem:" + migrations)
			.load()
			.getConfiguration();
		SnapshotPolicy signaturesOnly = (version, signature) -> false;
		ReplayResult result = new ShadowReplay(Dialect.forUrl(url), live, ShadowSettings.NONE,
				java.time.Duration.ofMinutes(1), false, FlywayQuieter.NONE)
			.snapshots(signaturesOnly.alsoInFull(org.flywaydb.core.api.MigrationVersion.fromVersion("2")))
			.replay(configuration, "main", List.of("main"));
		assertThat(result.migrations()).extracting((version) -> version.catalog().full())
			.containsExactly(false, true, false);
		assertThat(result.migrations().get(1).catalog().relations().get("note").facts()).containsKey("index (id)");
	}

	private static Object staticLogConfiguration() throws Exception {
		Field field = LogFactory.class.getDeclaredField("configuration");
		field.setAccessible(true);
		return field.get(null);
	}

}
