package dev.autobaseline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.autobaseline.dialect.SingleConnectionDataSource;

/**
 * SQLite: live databases are files in a temporary folder; the shadow kind is an in-memory database
 * on one held connection, as the starter's shadow.
 */
final class SqliteBench implements BenchEngine {

	private final Path folder;

	private final AtomicInteger counter = new AtomicInteger();

	SqliteBench(Path folder) throws Exception {
		this.folder = Files.createDirectories(folder);
	}

	@Override
	public Flavor flavor() {
		return Flavor.SQLITE;
	}

	@Override
	public String describe() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
			return "SQLite " + connection.getMetaData().getDatabaseProductVersion() + " (sqlite-jdbc "
					+ connection.getMetaData().getDriverVersion() + "), live databases in files, shadow in memory";
		}
	}

	@Override
	public Database createEmpty(String label) {
		return new FileDatabase(this.folder.resolve(label + "-" + this.counter.incrementAndGet() + ".db"));
	}

	@Override
	public Database copyOf(Database template, String label) throws Exception {
		template.closePool();
		FileDatabase copy = (FileDatabase) createEmpty(label);
		Files.copy(template.file(), copy.file());
		return copy;
	}

	@Override
	public Database createShadowLike(String label) throws SQLException {
		return new MemoryDatabase();
	}

	@Override
	public void close() throws Exception {
		try (var files = Files.list(this.folder)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
		Files.deleteIfExists(this.folder);
	}

	/** A database file, deleted on close. */
	private static final class FileDatabase extends Database {

		private final Path file;

		FileDatabase(Path file) {
			super("jdbc:sqlite:" + file, null, null, "main");
			this.file = file;
		}

		@Override
		Path file() {
			return this.file;
		}

		@Override
		void drop() throws Exception {
			for (String suffix : new String[] { "", "-journal", "-wal", "-shm" }) {
				Files.deleteIfExists(Path.of(this.file + suffix));
			}
		}

	}

	/** An in-memory database on one held connection: what the replay migrates into. */
	private static final class MemoryDatabase extends Database {

		private final SingleConnectionDataSource dataSource;

		MemoryDatabase() throws SQLException {
			super("jdbc:sqlite::memory:", null, null, "main");
			java.util.Properties properties = new java.util.Properties();
			properties.setProperty("limit_attached", "0");
			this.dataSource = new SingleConnectionDataSource(DriverManager.getConnection("jdbc:sqlite::memory:", properties));
		}

		@Override
		DataSource pool() {
			return this.dataSource;
		}

		@Override
		void drop() {
			this.dataSource.closeHeldConnection();
		}

	}

}
