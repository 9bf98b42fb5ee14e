package dev.autobaseline.dialect.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.catalog.RelationCache;
import dev.autobaseline.dialect.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Signatures of a database of the real MariaDB server, as the replay reads them after each
 * migration: the names, kinds, column names and objects of the full read, no facts; unchanged
 * relations shared with the previous read, by signatures and full reads alike. A scratch
 * database named with this process's id is dropped after each test.
 */
class MariadbSignatureTests {

	private static final String URL = env("AUTOBASELINE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");

	private final String scratch = "absignature_" + ProcessHandle.current().pid();

	private final MariadbSignatureReader reader = new MariadbSignatureReader();

	private MariadbServer server;

	private Connection connection;

	@BeforeEach
	void createScratchDatabase() throws SQLException {
		try (Connection admin = connect(""); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.scratch);
			statement.execute("CREATE DATABASE " + this.scratch);
			this.server = MariadbServer.of(admin);
		}
		this.connection = connect(this.scratch);
	}

	@AfterEach
	void dropScratchDatabase() throws SQLException {
		this.connection.close();
		try (Connection admin = connect(""); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.scratch);
		}
	}

	@Test
	void aSignatureHoldsTheNamesKindsColumnsAndObjectsOfTheFullRead() throws SQLException {
		execute("CREATE TABLE Author (Id int PRIMARY KEY, Name varchar(80) NOT NULL)",
				"CREATE TABLE book (id int PRIMARY KEY, author_id int, CONSTRAINT book_author FOREIGN KEY (author_id)"
						+ " REFERENCES Author (Id), CHECK (id > 0))",
				"CREATE INDEX book_title ON book (author_id)", "CREATE VIEW titles AS SELECT id FROM book",
				"CREATE TABLE audit (at timestamp(6)) WITH SYSTEM VERSIONING", "CREATE SEQUENCE ticket",
				"CREATE FUNCTION twice(n int) RETURNS int DETERMINISTIC RETURN n * 2");
		CatalogSnapshot full = MariadbCatalogReader.read(this.connection, this.scratch, this.server, new RelationCache());
		CatalogSnapshot signature = this.reader.readSignature(this.connection, this.scratch,
				this.server.lowerCaseNames(), true,
				Dialect.ColumnsWanted.ALWAYS);
		assertThat(signature.full()).isFalse();
		assertThat(signature.objectsRead()).isTrue();
		assertThat(signature.names()).containsExactlyElementsOf(full.names());
		full.relations().forEach((name, relation) -> {
			Relation signed = signature.relations().get(name);
			assertThat(signed.kind()).as(name).isEqualTo(relation.kind());
			assertThat(signed.columns()).as(name).isEqualTo(relation.columns());
		});
		assertThat(signature.objects()).isEqualTo(full.objects()).containsKeys("sequence ticket");
		assertThat(signature.relations().get("book").facts()).isEmpty();
		// The listing of tables says so: the one fact a signature keeps.
		assertThat(signature.relations().get("audit").facts()).containsOnlyKeys("system versioning");
	}

	@Test
	void aSignatureWithoutObjectsSaysItHasNone() throws SQLException {
		execute("CREATE TABLE book (id int)", "CREATE SEQUENCE ticket");
		CatalogSnapshot signature = this.reader.readSignature(this.connection, this.scratch,
				this.server.lowerCaseNames(), false,
				Dialect.ColumnsWanted.ALWAYS);
		assertThat(signature.objectsRead()).isFalse();
		assertThat(signature.objects()).isEmpty();
		// A sequence is listed as a table but is an object.
		assertThat(signature.names()).containsExactly("book");
	}

	@Test
	void aSignatureReadsNoColumnNamesWhenTheNamesSayTheyAreNotWanted() throws SQLException {
		execute("CREATE TABLE a (x int)", "CREATE VIEW v AS SELECT x FROM a");
		List<CatalogSnapshot> asked = new ArrayList<>();
		CatalogSnapshot names = this.reader.readSignature(this.connection, this.scratch, this.server.lowerCaseNames(),
				false, (read) -> {
					asked.add(read);
					return false;
				});
		assertThat(asked).singleElement().satisfies((read) -> assertThat(read.names()).containsExactly("a", "v"));
		assertThat(names.columnsRead()).isFalse();
		assertThat(names.relations().get("a").columns()).isEmpty();
		assertThat(names.relations().get("v").kind()).isEqualTo(Relation.Kind.VIEW);
		CatalogSnapshot withColumns = this.reader.readSignature(this.connection, this.scratch,
				this.server.lowerCaseNames(), false, (read) -> true);
		assertThat(withColumns.columnsRead()).isTrue();
		assertThat(withColumns.relations().get("a").columns()).containsExactly("x");
		assertThat(withColumns.relations().get("v").columns()).containsExactly("x");
	}

	@Test
	void consecutiveSignaturesShareTheRelationsThatDidNotChange() throws SQLException {
		execute("CREATE TABLE a (x int)", "CREATE TABLE b (y int)");
		CatalogSnapshot before = signature();
		execute("ALTER TABLE b ADD COLUMN z int", "CREATE TABLE c (w int)");
		CatalogSnapshot after = signature();
		assertThat(after.relations().get("a")).isSameAs(before.relations().get("a"));
		assertThat(after.relations().get("b")).isNotSameAs(before.relations().get("b"));
		assertThat(after.relations().get("b").columns()).containsExactly("y", "z");
		assertThat(after.names()).containsExactly("a", "b", "c");
	}

	@Test
	void consecutiveFullReadsShareTheRelationsThatDidNotChange() throws SQLException {
		RelationCache shared = new RelationCache();
		execute("CREATE TABLE a (x int PRIMARY KEY)", "CREATE TABLE b (y int)");
		CatalogSnapshot before = MariadbCatalogReader.read(this.connection, this.scratch, this.server, shared);
		execute("CREATE INDEX b_y ON b (y)");
		CatalogSnapshot after = MariadbCatalogReader.read(this.connection, this.scratch, this.server, shared);
		assertThat(after.full()).isTrue();
		assertThat(after.relations().get("a")).isSameAs(before.relations().get("a"));
		assertThat(after.relations().get("b").facts()).isNotEqualTo(before.relations().get("b").facts());
	}

	@Test
	void aDroppedDatabaseFailsTheSignatureInsteadOfLookingEmpty() throws SQLException {
		execute("DROP DATABASE " + this.scratch);
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> this.reader.readSignature(this.connection, this.scratch, this.server.lowerCaseNames(), true,
				Dialect.ColumnsWanted.ALWAYS))
			.withMessageContaining("does not exist");
	}

	private CatalogSnapshot signature() throws SQLException {
		return this.reader.readSignature(this.connection, this.scratch, this.server.lowerCaseNames(), true,
				Dialect.ColumnsWanted.ALWAYS);
	}

	private void execute(String... statements) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", env("AUTOBASELINE_TEST_MARIADB_USER", "root"));
		String password = env("AUTOBASELINE_TEST_MARIADB_PASSWORD", null);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(URL.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), properties);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
