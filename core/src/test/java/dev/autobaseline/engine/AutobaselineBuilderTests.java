package dev.autobaseline.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.replay.JavaMigrationBeans;
import dev.autobaseline.replay.OnAmbiguous;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each builder method sets the one setting of its name, and nothing else. */
class AutobaselineBuilderTests {

	@Test
	void aNewBuilderHoldsTheDefaults() {
		assertThat(new AutobaselineBuilder().settings()).isEqualTo(AutobaselineSettings.defaults());
	}

	@Test
	void everyMethodSetsItsSetting() {
		AutobaselineSettings settings = new AutobaselineBuilder().mode(Mode.FIXED)
			.fixedVersion("3")
			.match(MatchLevel.STRICT)
			.onAmbiguous(OnAmbiguous.FAIL)
			.ignoreTables("audit_*", "tmp?")
			.dryRun(true)
			.rebaseline(true)
			.shadowUrl("jdbc:postgresql://127.0.0.1/shadow")
			.shadowUsername("shade")
			.shadowPassword("hidden")
			.lockTimeout(Duration.ofSeconds(5))
			.replayTimeout(Duration.ofMinutes(2))
			.backupEnabled(false)
			.backupDirectory(Path.of("backups"))
			.record(RecordMode.HISTORY)
			.repair(true)
			.verifyManaged(true)
			.replayAllowClusterStatements(true)
			.replayJavaMigrationBeans(JavaMigrationBeans.RUN)
			.mysqlEnabled(true)
			.settings();
		assertThat(settings).isEqualTo(new AutobaselineSettings(Mode.FIXED, "3", MatchLevel.STRICT, OnAmbiguous.FAIL,
				List.of("audit_*", "tmp?"), true, true,
				new ShadowSettings("jdbc:postgresql://127.0.0.1/shadow", "shade", "hidden"), Duration.ofSeconds(5),
				Duration.ofMinutes(2), false, Path.of("backups"), RecordMode.HISTORY, true, true, true,
				JavaMigrationBeans.RUN, true));
	}

	@Test
	void theShadowsPartsAreSetOneByOne() {
		assertThat(new AutobaselineBuilder().shadowPassword("hidden").settings().shadow())
			.isEqualTo(new ShadowSettings(null, null, "hidden"));
	}

}
