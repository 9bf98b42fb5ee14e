package dev.autobaseline.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SQLite file in a temporary folder.
 */
final class SqliteTestDatabase extends TestDatabase {

	private final Path file;

	SqliteTestDatabase(Path folder) {
		this.file = folder.resolve("live.db");
	}

	private SqliteTestDatabase(Path file, boolean exact) {
		this.file = file;
	}

	/** Another SQLite file, a backup say. */
	static SqliteTestDatabase file(Path file) {
		return new SqliteTestDatabase(file, true);
	}

	Path file() {
		return this.file;
	}

	@Override
	String url() {
		return "jdbc:sqlite:" + this.file;
	}

	@Override
	String username() {
		return null;
	}

	@Override
	String password() {
		return null;
	}

	@Override
	String fingerprint() throws Exception {
		// The file's bytes, and which side files exist: a rollback-journal database must stay byte-identical.
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		if (Files.exists(this.file)) {
			digest.update(Files.readAllBytes(this.file));
		}
		String sides = "";
		for (String suffix : List.of("-journal", "-wal", "-shm")) {
			sides += Files.exists(Path.of(this.file + suffix)) ? suffix : "";
		}
		return HexFormat.of().formatHex(digest.digest()) + sides;
	}

	@Override
	List<String> tables() throws SQLException {
		return rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%' ORDER BY name");
	}

	@Override
	public void close() {
	}

}
