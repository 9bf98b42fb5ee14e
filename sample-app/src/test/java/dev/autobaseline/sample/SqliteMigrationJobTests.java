package dev.autobaseline.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;

/** The migration job on a SQLite file in a temporary folder. */
class SqliteMigrationJobTests extends AbstractMigrationJobTests {

	private Path database() {
		return this.workDir.resolve("library.db");
	}

	@Override
	String url() {
		return "jdbc:sqlite:" + database();
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection(url());
	}

	/** The database file's SHA-256: a refusal must leave it byte-identical. */
	@Override
	String fingerprint() throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(database())));
	}

}
