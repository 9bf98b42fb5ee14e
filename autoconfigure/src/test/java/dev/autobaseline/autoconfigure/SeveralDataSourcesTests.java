package dev.autobaseline.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.autobaseline.engine.Autobaseline;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine bean called for Flyway beans of the application's own, one per DataSource, as the
 * README shows: each database is adopted on its own terms, reached through its own DataSource
 * (not through the connection details of the primary one).
 */
@ExtendWith(OutputCaptureExtension.class)
class SeveralDataSourcesTests {

	@TempDir
	Path temp;

	private SqliteStartup orders;

	private SqliteStartup audit;

	@BeforeEach
	void createDatabases() throws Exception {
		this.orders = new SqliteStartup(Files.createDirectories(this.temp.resolve("orders"))).migrations(
				"V1__create_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER);");
		this.audit = new SqliteStartup(Files.createDirectories(this.temp.resolve("audit"))).migrations(
				"V1__create_entry.sql", "CREATE TABLE entry (id INTEGER PRIMARY KEY, what TEXT);",
				"V2__add_entry_at.sql", "ALTER TABLE entry ADD COLUMN at TEXT;");
		// The audit database predates Flyway: its schema is at V1.
		this.audit.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, what TEXT)",
				"INSERT INTO entry (what) VALUES ('signed in')");
	}

	@Test
	void eachFlywayBeanIsAdoptedThroughItsOwnDataSource(CapturedOutput output) {
		this.orders.boot("audit.url=" + this.audit.url(), "audit.locations=filesystem:" + this.audit.migrationsFolder())
			.withUserConfiguration(AuditDatabaseConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Flyway.class)).containsOnlyKeys("flyway", "auditFlyway");
				assertThat(history(context.getBean("dataSource", DataSource.class))).containsExactly("1 SQL");
				assertThat(history(context.getBean("auditDataSource", DataSource.class))).containsExactly("1 BASELINE",
						"2 SQL");
			});
		assertThat(output).contains("autobaseline: EMPTY", "autobaseline: UNMANAGED schema \"main\" matched V1");
	}

	@Test
	void dryRunOfASecondDataSourceReadsThatDatabase(CapturedOutput output) {
		this.orders
			.boot("audit.url=" + this.audit.url(), "audit.locations=filesystem:" + this.audit.migrationsFolder(),
					"autobaseline.dry-run=true")
			.withUserConfiguration(AuditDatabaseConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		// A dry run reads the file its URL names: the audit database's, not the primary one's.
		assertThat(output).contains("autobaseline: dry run: UNMANAGED schema \"main\" matched V1");
	}

	private static java.util.List<String> history(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank", String.class);
	}

	/**
	 * The README's example: a second DataSource. With Flyway beans of its own the application
	 * defines the primary one too (Spring Boot's Flyway configuration backs off), and one
	 * initializer per Flyway bean that calls the starter.
	 */
	@Configuration(proxyBeanMethods = false)
	static class AuditDatabaseConfiguration {

		@Bean
		Flyway flyway(DataSource dataSource, Environment environment) {
			return Flyway.configure().dataSource(dataSource).locations(environment.getProperty("spring.flyway.locations")).load();
		}

		@Bean
		FlywayMigrationInitializer flywayInitializer(@Qualifier("flyway") Flyway flyway, Autobaseline autobaseline) {
			return new FlywayMigrationInitializer(flyway, autobaseline::migrate);
		}

		@Bean(defaultCandidate = false)
		DataSource auditDataSource(Environment environment) {
			return DataSourceBuilder.create().url(environment.getProperty("audit.url")).build();
		}

		@Bean
		Flyway auditFlyway(@Qualifier("auditDataSource") DataSource auditDataSource, Environment environment) {
			return Flyway.configure().dataSource(auditDataSource).locations(environment.getProperty("audit.locations")).load();
		}

		@Bean
		FlywayMigrationInitializer auditFlywayInitializer(@Qualifier("auditFlyway") Flyway auditFlyway,
				Autobaseline autobaseline) {
			return new FlywayMigrationInitializer(auditFlyway, autobaseline::migrate);
		}

	}

}
