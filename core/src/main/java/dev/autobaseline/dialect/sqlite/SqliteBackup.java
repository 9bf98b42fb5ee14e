package dev.autobaseline.dialect.sqlite;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A copy of a SQLite database taken before the first write to it: {@code VACUUM INTO} a
 * temporary name, then an atomic rename, so that a kill mid-way never leaves a truncated file
 * under the backup's name. One backup per database state: a backup whose modification time is
 * the database's is reused (the database has not changed since, so every failed attempt does not
 * pile up another copy).
 */
final class SqliteBackup {

	static final String MARKER = ".autobaseline-backup-";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private SqliteBackup() {
	}

	/** Backs the database up (or finds the backup of its current state) and returns its path. */
	static Path take(Path database, Path directory) throws IOException, SQLException {
		Path folder = (directory != null) ? directory : database.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		FileTime modified = Files.getLastModifiedTime(database);
		Path existing = existingBackupOf(database, folder, modified);
		if (existing != null) {
			return existing;
		}
		String name = database.getFileName() + MARKER + STAMP.format(Instant.now());
		Path temporary = folder.resolve(name + ".tmp");
		Path backup = folder.resolve(name + ".db");
		Files.deleteIfExists(temporary);
		// VACUUM INTO needs autocommit and no open statement: a connection of its own.
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
				Statement statement = connection.createStatement()) {
			statement.execute("VACUUM INTO '" + temporary.toString().replace("'", "''") + "'");
		}
		Files.setLastModifiedTime(temporary, modified);
		Files.move(temporary, backup, StandardCopyOption.ATOMIC_MOVE);
		return backup;
	}

	private static Path existingBackupOf(Path database, Path folder, FileTime modified) throws IOException {
		String prefix = database.getFileName() + MARKER;
		try (DirectoryStream<Path> backups = Files.newDirectoryStream(folder, (candidate) -> {
			String name = candidate.getFileName().toString();
			return name.startsWith(prefix) && name.endsWith(".db");
		})) {
			for (Path backup : backups) {
				if (Files.getLastModifiedTime(backup).equals(modified)) {
					return backup;
				}
			}
		}
		return null;
	}

}
