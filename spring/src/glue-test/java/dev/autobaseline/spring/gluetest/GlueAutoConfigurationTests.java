package dev.autobaseline.spring.gluetest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.AutobaselineSettings;
import dev.autobaseline.engine.Mode;
import dev.autobaseline.engine.RecordMode;
import dev.autobaseline.engine.SchemaState;
import dev.autobaseline.replay.JavaMigrationBeans;
import dev.autobaseline.replay.OnAmbiguous;
import dev.autobaseline.spring.AutobaselineProperties;
import dev.autobaseline.spring.SpringBootLineCheck;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for a line's {@code AutobaselineAutoConfiguration}: conditions, back-off, property
 * binding and how the live database is reached, booted on a real SQLite file. Each glue module
 * runs them through a subclass that names its line's {@link Glue}.
 */
public abstract class GlueAutoConfigurationTests {

	@TempDir
	protected Path temp;

	protected ApplicationContextRunner contextRunner;

	@BeforeEach
	void createMigration() throws Exception {
		Path migrations = Files.createDirectories(this.temp.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__create_note.sql"),
				"CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);\n");
		this.contextRunner = new ApplicationContextRunner().withConfiguration(glue().autoConfigurations())
			.withPropertyValues("spring.datasource.url=" + sqliteUrl("x.db"),
					"spring.flyway.locations=filesystem:" + migrations);
	}

	/** The line under test. */
	protected abstract Glue glue();

	@Test
	void runsOnTheLineAndTheFlywayItIsFor() throws Exception {
		assertThat(SpringBootVersion.getVersion()).startsWith(glue().line());
		try (InputStream version = Flyway.class.getClassLoader()
			.getResourceAsStream("org/flywaydb/core/internal/version.txt")) {
			assertThat(new String(version.readAllBytes(), StandardCharsets.UTF_8).trim()).startsWith(glue().flywayLine());
		}
	}

	@Test
	void theLineCheckLetsTheRunningLineStart() {
		assertThatNoException().isThrownBy(() -> new SpringBootLineCheck().initialize(new GenericApplicationContext()));
	}

	@Test
	void registersAutobaselineAndStrategyAndMigratesEmptyDatabase() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Autobaseline.class);
			assertThat(context).hasSingleBean(glue().migrationStrategyType());
			assertThat(context).hasBean("autobaselineFlywayMigrationStrategy");
			assertThat(appliedVersions(context)).containsExactly("1");
			AdoptionReport report = context.getBean(Autobaseline.class).lastReport();
			assertThat(report).isNotNull();
			assertThat(report.state()).isEqualTo(SchemaState.EMPTY);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("autobaseline.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Autobaseline.class);
			assertThat(context).doesNotHaveBean(glue().migrationStrategyType());
			assertThat(context).doesNotHaveBean(AutobaselineProperties.class);
			// Spring Boot's plain Flyway still migrates.
			assertThat(appliedVersions(context)).containsExactly("1");
		});
	}

	@Test
	void backsOffWhenUserDefinesStrategy() {
		this.contextRunner.withUserConfiguration(glue().recordingStrategyConfiguration()).run((context) -> {
			assertThat(context).hasSingleBean(glue().migrationStrategyType());
			assertThat(context).hasBean("userStrategy");
			assertThat(context).doesNotHaveBean("autobaselineFlywayMigrationStrategy");
			assertThat(context.getBean(RecordedMigrations.class).migrated())
				.containsExactly(context.getBean(Flyway.class));
			// The user's strategy did nothing, so ours never ran.
			assertThat(context.getBean(Autobaseline.class).lastReport()).isNull();
		});
	}

	@Test
	void strategyUsesUserDefinedAutobaseline() {
		this.contextRunner.withUserConfiguration(UserAutobaselineConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Autobaseline.class);
			assertThat(context).hasBean("userAutobaseline");
			assertThat(context).doesNotHaveBean("autobaseline");
			assertThat(context).hasSingleBean(glue().migrationStrategyType());
			RecordingAutobaseline autobaseline = context.getBean(RecordingAutobaseline.class);
			assertThat(autobaseline.migrated).containsExactly(context.getBean(Flyway.class));
			assertThat(appliedVersions(context)).containsExactly("1");
		});
	}

	@Test
	void backsOffWithoutFlywayOnClassPath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Flyway.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Autobaseline.class);
			assertThat(context).doesNotHaveBean(AutobaselineProperties.class);
			assertThat(context).doesNotHaveBean(glue().migrationStrategyType());
		});
	}

	@Test
	void defaultPropertiesMatchEngineDefaults() {
		this.contextRunner.run((context) -> {
			AutobaselineProperties properties = context.getBean(AutobaselineProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.toSettings()).isEqualTo(AutobaselineSettings.defaults());
		});
	}

	@Test
	void bindsProperties() throws Exception {
		this.contextRunner
			.withPropertyValues("autobaseline.match=tables", "autobaseline.on-ambiguous=lowest",
					"autobaseline.ignore-tables=a*,b?", "autobaseline.mode=fixed", "autobaseline.fixed-version=3",
					"autobaseline.dry-run=true", "autobaseline.rebaseline=true",
					"autobaseline.shadow.url=" + sqliteUrl("shadow.db"), "autobaseline.shadow.username=shade",
					"autobaseline.shadow.password=hidden", "autobaseline.shadow.leftover-min-age=0s",
					"autobaseline.lock-timeout=5s", "autobaseline.record=history", "autobaseline.repair=true", "autobaseline.verify-managed=true", "autobaseline.replay.allow-cluster-statements=true", "autobaseline.replay.java-migration-beans=run", "autobaseline.replay.timeout=2m", "autobaseline.backup.enabled=false",
					"autobaseline.backup.directory=" + this.temp.resolve("backups"))
			.run((context) -> {
				AutobaselineProperties properties = context.getBean(AutobaselineProperties.class);
				assertThat(properties.getMatch()).isEqualTo(MatchLevel.TABLES);
				assertThat(properties.getOnAmbiguous()).isEqualTo(OnAmbiguous.LOWEST);
				assertThat(properties.getIgnoreTables()).containsExactly("a*", "b?");
				assertThat(properties.getMode()).isEqualTo(Mode.FIXED);
				assertThat(properties.getFixedVersion()).isEqualTo("3");
				assertThat(properties.isDryRun()).isTrue();
				assertThat(properties.isRebaseline()).isTrue();
				assertThat(properties.getShadow().getUrl()).isEqualTo(sqliteUrl("shadow.db"));
				assertThat(properties.getShadow().getUsername()).isEqualTo("shade");
				assertThat(properties.getShadow().getPassword()).isEqualTo("hidden");
				// Deprecated and no longer used, but still bound: a configuration that sets it keeps starting.
				assertThat(properties.getShadow().getLeftoverMinAge()).isZero();
				assertThat(properties.toSettings()).isEqualTo(new AutobaselineSettings(
						Mode.FIXED, "3", MatchLevel.TABLES, OnAmbiguous.LOWEST, List.of("a*", "b?"), true, true,
						new ShadowSettings(sqliteUrl("shadow.db"), "shade", "hidden"), Duration.ofSeconds(5),
						Duration.ofMinutes(2), false, this.temp.resolve("backups"), RecordMode.HISTORY,
						true, true, true, JavaMigrationBeans.RUN));
			});
	}

	@Test
	void failsOnUnknownMatchLevelNamingTheProperty() {
		this.contextRunner.withPropertyValues("autobaseline.match=bogus").run((context) -> {
			assertThat(context).hasFailed();
			BindException bindException = findCause(context.getStartupFailure(), BindException.class);
			assertThat(bindException).isNotNull();
			assertThat(bindException.getProperty().getName()).hasToString("autobaseline.match");
			assertThat(bindException.getProperty().getValue()).isEqualTo("bogus");
			assertThat(bindException).hasMessageContaining("autobaseline.match");
		});
	}

	@Test
	void resolverPrefersFlywayConnectionDetails() {
		this.contextRunner
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=app-secret",
					"spring.flyway.url=" + sqliteUrl("flyway.db"), "spring.flyway.user=migrator",
					"spring.flyway.password=migrator-secret")
			.run((context) -> {
				LiveDatabase live = resolve(context);
				assertThat(live.jdbcUrl()).isEqualTo(sqliteUrl("flyway.db"));
				assertThat(live.username()).isEqualTo("migrator");
				assertThat(live.password()).isEqualTo("migrator-secret");
				assertThat(live.dataSource()).isSameAs(context.getBean(Flyway.class).getConfiguration().getDataSource());
				assertThat(live.dataSource()).isNotSameAs(context.getBean(DataSource.class));
				assertReachesLikeFlyway(live);
				// Flyway migrated its own database, not the application's.
				assertThat(Files.exists(this.temp.resolve("flyway.db"))).isTrue();
				assertThat(new JdbcTemplate(live.dataSource()).queryForList(
						"SELECT version FROM flyway_schema_history WHERE success = 1", String.class))
					.containsExactly("1");
			});
	}

	@Test
	void resolverTakesNoApplicationCredentialsForFlywaysOwnUrl() {
		this.contextRunner
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=app-secret",
					"spring.flyway.url=" + sqliteUrl("flyway.db"))
			.run((context) -> {
				LiveDatabase live = resolve(context);
				assertThat(live.jdbcUrl()).isEqualTo(sqliteUrl("flyway.db"));
				assertThat(live.username()).isNull();
				assertThat(live.password()).isNull();
				assertReachesLikeFlyway(live);
			});
	}

	@Test
	void resolverTakesFlywayUserAndKeepsDataSourceUrlAndPassword() {
		this.contextRunner
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=app-secret",
					"spring.flyway.user=migrator")
			.run((context) -> {
				LiveDatabase live = resolve(context);
				assertThat(live.jdbcUrl()).isEqualTo(sqliteUrl("x.db"));
				assertThat(live.username()).isEqualTo("migrator");
				assertThat(live.password()).isEqualTo("app-secret");
				assertReachesLikeFlyway(live);
			});
	}

	@Test
	void resolverUsesDataSourceDetailsWithoutFlywayConnectionProperties() {
		this.contextRunner.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=app-secret")
			.run((context) -> {
				LiveDatabase live = resolve(context);
				assertThat(live.jdbcUrl()).isEqualTo(sqliteUrl("x.db"));
				assertThat(live.username()).isEqualTo("app");
				assertThat(live.password()).isEqualTo("app-secret");
				assertThat(live.dataSource()).isSameAs(context.getBean(DataSource.class));
			});
	}

	@Test
	void liveDatabaseToStringNeverShowsPassword() {
		this.contextRunner
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=app-secret",
					"spring.flyway.user=migrator", "spring.flyway.password=migrator-secret")
			.run((context) -> {
				LiveDatabase live = resolve(context);
				assertThat(live.password()).isEqualTo("migrator-secret");
				assertThat(live.toString()).contains("migrator")
					.doesNotContain("migrator-secret")
					.doesNotContain("app-secret");
			});
	}

	private String sqliteUrl(String file) {
		return "jdbc:sqlite:" + this.temp.resolve(file);
	}

	private LiveDatabase resolve(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return glue().resolver(context).resolve(context.getBean(Flyway.class).getConfiguration());
	}

	/** Spring Boot builds a separate DataSource for Flyway's own user or URL: the resolver must agree with it. */
	private static void assertReachesLikeFlyway(LiveDatabase live) {
		assertThat(live.dataSource()).isInstanceOf(SimpleDriverDataSource.class);
		SimpleDriverDataSource flywayDataSource = (SimpleDriverDataSource) live.dataSource();
		assertThat(live.jdbcUrl()).isEqualTo(flywayDataSource.getUrl());
		assertThat(live.username()).isEqualTo(flywayDataSource.getUsername());
		assertThat(live.password()).isEqualTo(flywayDataSource.getPassword());
	}

	protected static List<String> appliedVersions(AssertableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class))
			.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank",
					String.class);
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	public static class UserAutobaselineConfiguration {

		@Bean
		RecordingAutobaseline userAutobaseline() {
			return new RecordingAutobaseline();
		}

	}

	public static class RecordingAutobaseline extends Autobaseline {

		final List<Flyway> migrated = new ArrayList<>();

		public RecordingAutobaseline() {
			super(AutobaselineSettings.defaults());
		}

		@Override
		public AdoptionReport migrate(Flyway flyway) {
			this.migrated.add(flyway);
			return super.migrate(flyway);
		}

	}

}
