package dev.autobaseline.autoconfigure;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.autobaseline.dialect.SingleConnectionDataSource;
import dev.autobaseline.engine.Autobaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedded in-memory database Spring built in place of the configured one (what
 * {@code @AutoConfigureTestDatabase} does, usually with H2) is migrated by plain Flyway: it is new,
 * so there is nothing to adopt, and its engine need not be one the starter supports. The
 * embedded database here is a real in-memory SQLite database on one held connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedTestDatabaseTests {

	@TempDir
	Path temp;

	@Test
	void embeddedDatabaseIsMigratedByPlainFlywayWithoutAdoption(CapturedOutput output) throws Exception {
		SqliteStartup app = new SqliteStartup(this.temp).migrations("V1__create_author.sql",
				"CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);");
		app.boot().withUserConfiguration(EmbeddedDatabaseConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Autobaseline.class).lastReport()).isNull();
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT version FROM flyway_schema_history", String.class)).containsExactly("1");
		});
		assertThat(output).contains("autobaseline: an embedded in-memory database replaces the configured one");
		assertThat(app.folder().resolve("app.db")).doesNotExist();
	}

	@Configuration(proxyBeanMethods = false)
	static class EmbeddedDatabaseConfiguration {

		@Bean(destroyMethod = "shutdown")
		InMemorySqlite dataSource() throws SQLException {
			return new InMemorySqlite();
		}

	}

	/** An in-memory SQLite database as Spring's embedded database support hands one out. */
	static class InMemorySqlite extends DelegatingDataSource implements EmbeddedDatabase {

		InMemorySqlite() throws SQLException {
			super(new SingleConnectionDataSource(DriverManager.getConnection("jdbc:sqlite::memory:")));
		}

		@Override
		public void shutdown() {
			((SingleConnectionDataSource) getTargetDataSource()).closeHeldConnection();
		}

	}

}
