package dev.autobaseline.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.autobaseline.dialect.LiveDatabase;

/**
 * One database engine as the harness uses it: databases it creates, copies and drops, and an
 * empty database of the kind the replay's shadow is (the floor a plain migrate runs into).
 */
interface BenchEngine extends AutoCloseable {

	/** Which SQL the migration sets are written in. */
	enum Flavor {

		SQLITE, POSTGRESQL, MARIADB

	}

	Flavor flavor();

	/** For the report, e.g. {@code PostgreSQL 15.20}. */
	String describe() throws SQLException;

	/** A new empty live database. */
	Database createEmpty(String label) throws Exception;

	/**
	 * A new live database holding what {@code template} holds (its pool must be closed): a copy
	 * of its files, a {@code TEMPLATE}, or, where the engine has neither, its {@link Database#fill}
	 * again.
	 */
	Database copyOf(Database template, String label) throws Exception;

	/**
	 * A new empty database of the shadow's kind: in memory for SQLite, a database made from
	 * {@code template0} for PostgreSQL, a new database on the server for MariaDB. Its creation is
	 * not part of any timing.
	 */
	Database createShadowLike(String label) throws Exception;

	/**
	 * Waits, before a timed step, until dropped databases no longer slow the file system down (see
	 * {@link PostgresqlBench}). Nothing to wait for by default.
	 */
	default void settle() throws InterruptedException {
	}

	/** Tells that the step just timed dropped a database of its own (the replay's shadow). */
	default void dropped() {
	}

	/** Drops the databases this case left for later, so that they do not fall inside the next timings. */
	default void endOfCase() throws Exception {
	}

	/**
	 * A session in another database that holds an open transaction with an id, as another
	 * application's idle transaction does, or {@code null} where that changes nothing. On
	 * PostgreSQL it holds back the server-wide horizon the replay's signatures are incremental
	 * against: every relation a migration touched since it began is read again.
	 */
	default AutoCloseable holdOpenTransactionElsewhere() throws Exception {
		return null;
	}

	/** How {@link #settle()} waits, for the report, or {@code null} when it never does. */
	default String settleNote() {
		return null;
	}

	@Override
	void close() throws Exception;

	/** What makes a legacy database: the same steps for each copy where the engine cannot copy. */
	@FunctionalInterface
	interface Filling {

		void fill(Database database) throws Exception;

	}

	/** A database of the harness, dropped (or deleted) on {@link #close()}. */
	abstract class Database implements AutoCloseable {

		private final String url;

		private final String username;

		private final String password;

		private final String schema;

		private HikariDataSource pool;

		private Filling filling;

		Database(String url, String username, String password, String schema) {
			this.url = url;
			this.username = username;
			this.password = password;
			this.schema = schema;
		}

		String url() {
			return this.url;
		}

		/** The schema Flyway uses by default: {@code main}, {@code public}, or MariaDB's database. */
		String schema() {
			return this.schema;
		}

		/** Fills the database, remembering how, so that an engine without copies can fill a copy alike. */
		void fill(Filling filling) throws Exception {
			filling.fill(this);
			this.filling = filling;
		}

		/** Fills {@code copy} as this database was filled. */
		void fillAlike(Database copy) throws Exception {
			if (this.filling == null) {
				throw new IllegalStateException("a copy of a database that was not filled through fill()");
			}
			copy.fill(this.filling);
		}

		/** The application's pool, as Spring Boot's default DataSource (HikariCP), warmed. */
		DataSource pool() throws SQLException {
			if (this.pool == null) {
				HikariConfig config = new HikariConfig();
				config.setJdbcUrl(this.url);
				config.setUsername(this.username);
				config.setPassword(this.password);
				config.setPoolName("bench");
				this.pool = new HikariDataSource(config);
				try (Connection connection = this.pool.getConnection()) {
					connection.isValid(1);
				}
			}
			return this.pool;
		}

		/** How the starter reaches the database under Spring Boot: the pool, and the URL and credentials. */
		LiveDatabase live() throws SQLException {
			return new LiveDatabase(pool(), this.url, this.username, this.password);
		}

		/** Where an SQLite file lives, else {@code null}. */
		Path file() {
			return null;
		}

		void closePool() {
			if (this.pool != null) {
				this.pool.close();
				this.pool = null;
			}
		}

		/** Drops the database. */
		abstract void drop() throws Exception;

		@Override
		public void close() throws Exception {
			closePool();
			drop();
		}

	}

}
