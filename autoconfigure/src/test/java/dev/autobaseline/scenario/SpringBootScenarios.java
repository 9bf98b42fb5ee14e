package dev.autobaseline.scenario;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios only a Spring Boot application has, run against every engine: the starter
 * switched off, properties Spring Boot binds, Callback and JavaMigration beans, and Hikari's pool.
 * Every other adoption and safety scenario runs in the core, through the engine's plain API
 * ({@code AdoptionScenarios}, {@code SafetyScenarios}); those of beans and of a pool of one run
 * there too, with objects the application gives its own Flyway and a pool of its own.
 */
abstract class SpringBootScenarios extends ScenarioSupport {

	@Test
	void disabledStarterLeavesFlywayToItsPlainBehaviour() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Found non-empty schema(s)");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void unknownMatchLevelIsRefusedNamingTheProperty() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.match=exact").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("autobaseline.match");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void poolOfOneConnectionIsEnough() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		List<String> properties = new ArrayList<>(List.of("spring.datasource.hikari.maximum-pool-size=1",
				"spring.datasource.hikari.connection-timeout=5000"));
		properties.addAll(poolOfOneProperties());
		boot(properties.toArray(String[]::new)).run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok");
	}

	/** What a pool of one needs besides its size (PostgreSQL: Flyway's lock without a second connection). */
	List<String> poolOfOneProperties() {
		return List.of();
	}

	@Test
	void aJavaMigrationBeanAloneIsEvidence() throws Exception {
		// Only another application's table and one JavaMigration bean: adopted below it, and it runs.
		this.database.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)", "INSERT INTO audit_log VALUES (7)",
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(200))");
		LeakyBeans.reset();
		boot("spring.flyway.locations=filesystem:" + this.temp.resolve("migratoins"))
			.withUserConfiguration(LeakyBeans.class)
			.run((context) -> {
				assertThat(report(context).baselineVersion()).isEqualTo("0");
				assertThat(report(context).migrationsApplied()).isEqualTo(1);
			});
		assertThat(this.database.history()).containsExactly("0:BASELINE:ok", "6:JDBC:ok");
		assertThat(this.database.rows("SELECT id FROM audit_log")).containsExactly("7");
	}

	@Test
	void callbackAndJavaMigrationBeansDoNotReachLiveDuringReplay() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		LeakyBeans.reset();
		boot("autobaseline.dry-run=true").withUserConfiguration(LeakyBeans.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(report(context).pending()).contains("V6 java bean");
		});
		assertThat(LeakyBeans.migrations).hasValue(0);
		assertThat(LeakyBeans.callbacks).hasValue(0);
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void javaMigrationBeanRunsOnceOnLiveAfterAdoption() throws Exception {
		LibraryMigrations.legacyAt(this.database, 5);
		LeakyBeans.reset();
		boot().withUserConfiguration(LeakyBeans.class).run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("5");
			assertThat(report(context).migrationsApplied()).isEqualTo(1);
		});
		assertThat(LeakyBeans.migrations).hasValue(1);
		assertThat(this.database.rows("SELECT name FROM author WHERE id = 99")).containsExactly("written by V6");
	}

	@Test
	void javaMigrationBeansRunDuringTheReplayWhenConfigured() throws Exception {
		LibraryMigrations.legacyAt(this.database, 5);
		LeakyBeans.reset();
		boot("autobaseline.replay.java-migration-beans=run").withUserConfiguration(LeakyBeans.class)
			.run((context) -> {
				// Observed in the replay, V6 changes no table: on-ambiguous=highest treats it as applied.
				assertThat(report(context).baselineVersion()).isEqualTo("6");
				assertThat(report(context).migrationsApplied()).isZero();
			});
		// It ran once, in the replay, through the DataSource it holds: the live one, as the property warns.
		assertThat(LeakyBeans.migrations).hasValue(1);
		assertThat(this.database.rows("SELECT name FROM author WHERE id = 99")).containsExactly("written by V6");
	}

	/**
	 * A Callback bean and a JavaMigration bean that hold the application's DataSource and write
	 * to it: during the replay neither may run.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LeakyBeans {

		static final AtomicInteger migrations = new AtomicInteger();

		static final AtomicInteger callbacks = new AtomicInteger();

		static void reset() {
			migrations.set(0);
			callbacks.set(0);
		}

		@Bean
		Callback leakyCallback(DataSource dataSource) {
			return new Callback() {

				@Override
				public boolean supports(Event event, Context context) {
					return event == Event.AFTER_EACH_MIGRATE;
				}

				@Override
				public boolean canHandleInTransaction(Event event, Context context) {
					return true;
				}

				@Override
				public void handle(Event event, Context context) {
					callbacks.incrementAndGet();
					write(dataSource, "CREATE TABLE IF NOT EXISTS callback_leak (id INTEGER)");
				}

				@Override
				public String getCallbackName() {
					return "leaky";
				}
			};
		}

		@Bean
		JavaMigration v6JavaBean(DataSource dataSource) {
			return new JavaMigration() {

				@Override
				public MigrationVersion getVersion() {
					return MigrationVersion.fromVersion("6");
				}

				@Override
				public String getDescription() {
					return "java bean";
				}

				@Override
				public Integer getChecksum() {
					return 6;
				}

				@Override
				public boolean canExecuteInTransaction() {
					return false;
				}

				@Override
				public void migrate(org.flywaydb.core.api.migration.Context context) {
					migrations.incrementAndGet();
					write(dataSource, "INSERT INTO author (id, name) VALUES (99, 'written by V6')");
				}
			};
		}

		static void write(DataSource dataSource, String sql) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
