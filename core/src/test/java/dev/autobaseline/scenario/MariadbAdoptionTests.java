package dev.autobaseline.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoption scenarios on the real MariaDB server, each in a database of its own.
 */
class MariadbAdoptionTests extends AdoptionScenarios {

	/** The owner tags of this class's databases: only their shadows are this class's business. */
	static final List<String> OWNERS = Collections.synchronizedList(new ArrayList<>());

	@Override
	TestDatabase createDatabase(Path folder) throws Exception {
		MariadbTestDatabase database = new MariadbTestDatabase("adoption");
		OWNERS.add(database.ownerTag());
		return database;
	}

	@Override
	String relation(String name) {
		return name;
	}

	@AfterAll
	static void noShadowDatabaseIsLeftBehind() throws Exception {
		assertThat(MariadbTestDatabase.shadowsLeft(OWNERS)).isEmpty();
	}

	@Override
	void createOrmSchema() throws Exception {
		// Hibernate ddl-auto on MariaDB: bigint auto_increment keys, varchar(255), its FK and index names.
		this.database.execute("create table author (id bigint not null auto_increment, name varchar(255) not null,"
				+ " primary key (id)) engine=InnoDB",
				"create table book (author_id bigint, id bigint not null auto_increment, isbn varchar(255),"
						+ " title varchar(255) not null, primary key (id)) engine=InnoDB",
				"create index IDXk1hxr0eswl1r7vbkn5rg1tt5u on book (isbn)",
				"alter table book add constraint FKklnrv3weler2ftkweewlky958 foreign key (author_id) references author (id)",
				"insert into author (name) values ('Ursula')", "insert into book (author_id, title) values (1, 'Earthsea')");
	}

	@Override
	List<String> ormDifferences() {
		return List.of(
				"column author.id is int(11) not null in the migrations up to V2 but bigint(20) not null auto_increment in the database",
				"column author.name is text not null in the migrations up to V2 but varchar(255) not null in the database",
				"column book.author_id is int(11) null in the migrations up to V2 but bigint(20) null in the database",
				"column book.id is int(11) not null in the migrations up to V2 but bigint(20) not null auto_increment in the database",
				"column book.isbn is varchar(20) null in the migrations up to V2 but varchar(255) null in the database",
				"column book.title is text not null in the migrations up to V2 but varchar(255) not null in the database");
	}

	@Override
	List<String> typedLibraryMigrations() {
		return List.of("V1__create_author.sql", "CREATE TABLE author (id bigint AUTO_INCREMENT PRIMARY KEY, name text NOT NULL);",
				"V2__create_book.sql", "CREATE TABLE book (id bigint AUTO_INCREMENT PRIMARY KEY, author_id bigint NOT NULL"
						+ " REFERENCES author (id), title text NOT NULL, isbn varchar(32) UNIQUE);",
				"V3__create_loan.sql", "CREATE TABLE loan (id bigint AUTO_INCREMENT PRIMARY KEY, book_id bigint NOT NULL"
						+ " REFERENCES book (id), lent_on date NOT NULL DEFAULT curdate());",
				"V4__add_book_genre.sql", "ALTER TABLE book ADD COLUMN genre varchar(20) NOT NULL DEFAULT 'FICTION';",
				"V5__genre_kind.sql", "ALTER TABLE book MODIFY genre ENUM('FICTION', 'NON_FICTION') NOT NULL DEFAULT 'FICTION';",
				"V6__create_member.sql", "CREATE TABLE member (id bigint AUTO_INCREMENT PRIMARY KEY, name text NOT NULL);");
	}

	@Override
	void createOrmTypedLibraryAtV4() throws Exception {
		// Hibernate's MariaDB dialect: bigint auto_increment keys, varchar(255), generated constraint names, the enum as a checked varchar.
		this.database.execute("create table author (id bigint not null auto_increment, name varchar(255) not null,"
				+ " primary key (id)) engine=InnoDB",
				"create table book (author_id bigint not null, id bigint not null auto_increment, genre varchar(255) not null"
						+ " check (genre in ('FICTION','NON_FICTION')), isbn varchar(255), title varchar(255) not null,"
						+ " primary key (id)) engine=InnoDB",
				"create table loan (lent_on date not null, book_id bigint not null, id bigint not null auto_increment,"
						+ " primary key (id)) engine=InnoDB",
				"alter table book add constraint UK_ddnrlnylh4wcqt0ggl2hwnpkx unique (isbn)",
				"alter table book add constraint FKklnrv3weler2ftkweewlky958 foreign key (author_id) references author (id)",
				"alter table loan add constraint FK8ejccqc0a9bfh8gy5eehyhpvy foreign key (book_id) references book (id)",
				"insert into author (name) values ('Ursula')",
				"insert into book (author_id, genre, title) values (1, 'FICTION', 'Earthsea')",
				"insert into loan (book_id, lent_on) values (1, '2024-05-01')");
	}

	@Override
	String ormTypedLibraryClosest() {
		return "V5";
	}

	@Override
	List<String> ormTypedLibraryDifferences() {
		// V5 has the database's tables, columns and keys (by definition, not by Hibernate's names); only column types,
		// defaults and the ORM's check differ.
		return List.of(
				"column author.name is text not null in the migrations up to V5 but varchar(255) not null in the database",
				"check (`genre` in ('FICTION','NON_FICTION')) on book exists in the database but in no migration up to V5",
				"column book.genre is enum('FICTION','NON_FICTION') not null default 'FICTION' in the migrations up to V5 but varchar(255) not null in the database",
				"column book.isbn is varchar(32) null in the migrations up to V5 but varchar(255) null in the database",
				"column book.title is text not null in the migrations up to V5 but varchar(255) not null in the database",
				"column loan.lent_on is date not null default curdate() in the migrations up to V5 but date not null in the database");
	}

	/** MariaDB's DROP INDEX names the table ({@code DROP INDEX IF EXISTS i ON t}), which SQLite and PostgreSQL do not parse. */
	private static final String REPEATABLE_INDEX = "DROP INDEX IF EXISTS book_title_lookup ON book;\n"
			+ "CREATE INDEX book_title_lookup ON book (title);\n";

	@Override
	@Test
	void anIndexARepeatableMigrationKeepsOnAnOwnedTableIsNotDriftAtStrict(
			CapturedOutput output) throws Exception {
		// The suite's script in MariaDB's syntax (see REPEATABLE_INDEX); the assertions are the suite's.
		java.nio.file.Files.writeString(this.migrations.resolve("R__book_indexes.sql"), REPEATABLE_INDEX);
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("CREATE INDEX book_title_lookup ON book (title)");
		assertDryRunWritesNothing();
		List<String> before = LibraryMigrations.libraryRows(this.database);
		boot("autobaseline.match=strict").run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("2");
			assertThat(report(context).distance()).isZero();
		});
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok", "null:SQL:ok");
		assertThat(LibraryMigrations.libraryRows(this.database)).containsExactlyElementsOf(before);
		assertThat(output).doesNotContain("left alone");
	}

	@Override
	@Test
	void anIndexNoMigrationMakesIsStillDriftAtStrictBesideARepeatable() throws Exception {
		// The suite's script in MariaDB's syntax (see REPEATABLE_INDEX); the assertions are the suite's.
		java.nio.file.Files.writeString(this.migrations.resolve("R__book_indexes.sql"), REPEATABLE_INDEX);
		LibraryMigrations.legacyAt(this.database, 2);
		this.database.execute("CREATE INDEX book_title_lookup ON book (title)", "CREATE INDEX book_by_hand ON book (isbn)");
		dev.autobaseline.engine.AdoptionRefusedException refusal = assertRefusedUntouched(
				dev.autobaseline.engine.AdoptionRefusedException.Reason.NO_MATCH, "The closest is V2 with 1 difference",
				"autobaseline.match=strict");
		assertThat(refusal.getDescription()).contains("(isbn) on book exists in the database but in no migration up to V2");
	}

	@Test
	void scriptThatSwitchesDatabaseIsRefusedBeforeAnyShadowWithNoPropertyToAllowIt() throws Exception {
		java.nio.file.Files.writeString(this.migrations.resolve("V6__elsewhere.sql"), "USE mysql;\nCREATE TABLE x (a INT);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot("autobaseline.replay.allow-cluster-statements=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(dev.autobaseline.replay.ClusterStatementsException.class)
				.hasMessageContaining("V6__elsewhere.sql (USE mysql (switches database (USE)))")
				.hasMessageContaining("No property allows this");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void scriptThatNamesTheLiveDatabaseIsRefused() throws Exception {
		String live = ((MariadbTestDatabase) this.database).name();
		java.nio.file.Files.writeString(this.migrations.resolve("V6__qualified.sql"),
				"CREATE TABLE `" + live + "`.escape (a INT);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot().run((context) -> assertThat(context).hasFailed());
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(this.database.tables()).doesNotContain("escape");
	}

	@Test
	void scriptThatCreatesAUserIsRefusedUnlessAllowed() throws Exception {
		java.nio.file.Files.writeString(this.migrations.resolve("V6__reporting_user.sql"),
				"CREATE USER IF NOT EXISTS 'autobaseline_never'@'localhost';\n");
		LibraryMigrations.legacyAt(this.database, 2);
		String before = this.database.fingerprint();
		boot().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("V6__reporting_user.sql (CREATE USER IF NOT EXISTS 'autobaseline_never'@'localhost' (manages users))")
				.hasMessageContaining(named("autobaseline.replay.allow-cluster-statements=true"));
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
		assertThat(this.database.rows("SELECT User FROM mysql.user WHERE User = 'autobaseline_never'")).isEmpty();
	}

	@Test
	void defaultSchemaPlaceholderLandsInTheShadowAndLiveStaysIdentical() throws Exception {
		java.nio.file.Files.writeString(this.migrations.resolve("V6__placeholder.sql"),
				"CREATE TABLE ${flyway:defaultSchema}.tag (id INT PRIMARY KEY);\n");
		LibraryMigrations.legacyAt(this.database, 2);
		String live = ((MariadbTestDatabase) this.database).name();
		String before = this.database.fingerprint();
		boot("spring.flyway.default-schema=" + live, "autobaseline.dry-run=true")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.fingerprint()).as("a dry run with default-schema writes nothing").isEqualTo(before);
		boot("spring.flyway.default-schema=" + live)
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok", "4:SQL:ok", "5:SQL:ok", "6:SQL:ok");
	}

	@Test
	void severalDatabasesInSchemasAreRefusedSayingOneIsSupported() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		String live = ((MariadbTestDatabase) this.database).name();
		String before = this.database.fingerprint();
		boot("spring.flyway.schemas=" + live + ",autobaseline_other_db").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("adopts one database at a time");
		});
		assertThat(this.database.fingerprint()).isEqualTo(before);
	}

	@Test
	void reportSaysHowToBackUpWithMariadbDump() throws Exception {
		LibraryMigrations.legacyAt(this.database, 2);
		boot().run((context) -> assertThat(report(context).backup()).startsWith("mariadb-dump --single-transaction"));
	}


	@Test
	void versionsDifferingOnlyInTheCaseOfAnEnumLabelAreToldApart() throws Exception {
		// A catalog read that lower-cased the column type took V1 and V2 for data-only twins.
		java.nio.file.Path folder = LibraryMigrations.write(this.temp.resolve("enum-case"),
				List.of("V1__create_person.sql", "CREATE TABLE person (id INT PRIMARY KEY, mood ENUM('happy', 'sad'));",
						"V2__upper_case_moods.sql", "ALTER TABLE person MODIFY mood ENUM('HAPPY', 'SAD');",
						"V3__create_diary.sql", "CREATE TABLE diary (id INT PRIMARY KEY);"));
		this.database.execute("CREATE TABLE person (id INT PRIMARY KEY, mood ENUM('happy', 'sad'))",
				"INSERT INTO person VALUES (1, 'sad')");
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.on-ambiguous=fail")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("1"));
		assertThat(this.database.history()).containsExactly("1:BASELINE:ok", "2:SQL:ok", "3:SQL:ok");
	}


	/** V1 a foreign key InnoDB indexes itself, V2 an explicit index replacing it, V3 a column. */
	private static final List<String> FOREIGN_KEY_INDEX_MIGRATIONS = List.of("V1__create_site_and_device.sql",
			"CREATE TABLE site (id INT PRIMARY KEY);\n"
					+ "CREATE TABLE device (id INT PRIMARY KEY, site_id INT,"
					+ " CONSTRAINT fk_device_site FOREIGN KEY (site_id) REFERENCES site (id));",
			"V2__index_device_site.sql", "CREATE INDEX device_site_idx ON device (site_id);",
			"V3__add_device_label.sql", "ALTER TABLE device ADD COLUMN label VARCHAR(40);");

	@Test
	void anExplicitIndexReplacingTheOneInnodbMadeForAForeignKeyIsToldApart() throws Exception {
		// Indexes compare without names; InnoDB's own index for fk_device_site and V2's device_site_idx
		// looked alike, so a database at V1 was baselined at 2 and never got V2's index.
		java.nio.file.Path folder = LibraryMigrations.write(this.temp.resolve("fk-index"), FOREIGN_KEY_INDEX_MIGRATIONS);
		this.database.execute("CREATE TABLE site (id INT PRIMARY KEY)",
				"CREATE TABLE device (id INT PRIMARY KEY, site_id INT,"
						+ " CONSTRAINT fk_device_site FOREIGN KEY (site_id) REFERENCES site (id))",
				"INSERT INTO site VALUES (7)", "INSERT INTO device VALUES (1, 7)");
		boot("spring.flyway.locations=filesystem:" + folder)
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("1"));
		assertThat(this.database.history()).containsExactly("1:BASELINE:ok", "2:SQL:ok", "3:SQL:ok");
		assertThat(this.database.rows("SELECT d.id, d.site_id FROM device d JOIN site s ON s.id = d.site_id"))
			.containsExactly("1|7");
		assertThat(this.database.rows("SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME = 'device' AND INDEX_NAME <> 'PRIMARY'")).containsExactly("device_site_idx");
	}

	@Test
	void aDatabaseWithTheExplicitIndexIsAtTheVersionThatMadeIt() throws Exception {
		// The other side: the explicit index replaced InnoDB's own, so under an ORM's names this is V2, even at strict.
		java.nio.file.Path folder = LibraryMigrations.write(this.temp.resolve("fk-index"), FOREIGN_KEY_INDEX_MIGRATIONS);
		this.database.execute("CREATE TABLE site (id INT PRIMARY KEY)",
				"CREATE TABLE device (id INT PRIMARY KEY, site_id INT,"
						+ " CONSTRAINT FKq3n0x1 FOREIGN KEY (site_id) REFERENCES site (id))",
				"CREATE INDEX IDXq3n0x1 ON device (site_id)", "INSERT INTO site VALUES (7)",
				"INSERT INTO device VALUES (1, 7)");
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.match=strict")
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("2"));
		assertThat(this.database.history()).containsExactly("2:BASELINE:ok", "3:SQL:ok");
		assertThat(this.database.rows("SELECT id, site_id, label FROM device")).containsExactly("1|7|null");
	}

	@Test
	void versionsDifferingOnlyInTheirPartitionsAreToldApart() throws Exception {
		// A catalog without partitions took V1 and V2 for data-only twins and baselined at 2: V2's partition never came.
		java.nio.file.Path folder = LibraryMigrations.write(this.temp.resolve("partitions"),
				List.of("V1__create_reading.sql", "CREATE TABLE reading (id INT, taken DATE, PRIMARY KEY (id, taken))"
						+ " PARTITION BY RANGE (YEAR(taken)) (PARTITION p2025 VALUES LESS THAN (2026));",
						"V2__partition_2026.sql", "ALTER TABLE reading ADD PARTITION (PARTITION p2026 VALUES LESS THAN (2027));",
						"V3__first_reading_of_2026.sql", "INSERT INTO reading VALUES (2, '2026-01-05');"));
		this.database.execute("CREATE TABLE reading (id INT, taken DATE, PRIMARY KEY (id, taken))"
				+ " PARTITION BY RANGE (YEAR(taken)) (PARTITION p2025 VALUES LESS THAN (2026))",
				"INSERT INTO reading VALUES (1, '2025-03-01')");
		boot("spring.flyway.locations=filesystem:" + folder)
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("1"));
		assertThat(this.database.history()).containsExactly("1:BASELINE:ok", "2:SQL:ok", "3:SQL:ok");
		assertThat(this.database.rows("SELECT id, taken FROM reading ORDER BY id")).containsExactly("1|2025-03-01",
				"2|2026-01-05");
	}

	/**
	 * A database built by V1 alone, where V2 makes a change only its catalog shows: adopted at 1,
	 * V2 and a V3 applied, the row kept. With a reader blind to V2's change, V1 and V2 were
	 * data-only twins and the database was baselined at 2.
	 */
	private void assertV1IsToldFromV2(String name, String v1, String v2) throws Exception {
		java.nio.file.Path folder = LibraryMigrations.write(this.temp.resolve(name), List.of("V1__create_t.sql", v1,
				"V2__change_t.sql", v2, "V3__create_u.sql", "CREATE TABLE u (id INT PRIMARY KEY);"));
		for (String statement : v1.split(";")) {
			if (!statement.isBlank()) {
				this.database.execute(statement);
			}
		}
		this.database.execute("INSERT INTO t (id) VALUES (1)");
		boot("spring.flyway.locations=filesystem:" + folder)
			.run((context) -> assertThat(report(context).baselineVersion()).isEqualTo("1"));
		assertThat(this.database.history()).containsExactly("1:BASELINE:ok", "2:SQL:ok", "3:SQL:ok");
		assertThat(this.database.rows("SELECT id FROM t")).containsExactly("1");
	}

	@Test
	void aColumnMadeInvisibleIsToldApart() throws Exception {
		assertV1IsToldFromV2("invisible", "CREATE TABLE t (id INT PRIMARY KEY, legacy_code VARCHAR(10));",
				"ALTER TABLE t MODIFY legacy_code VARCHAR(10) INVISIBLE;");
	}

	@Test
	void anIndexMadeIgnoredIsToldApart() throws Exception {
		assertV1IsToldFromV2("ignored", "CREATE TABLE t (id INT PRIMARY KEY, a INT, INDEX t_a (a));",
				"ALTER TABLE t ALTER INDEX t_a IGNORED;");
	}

	@Test
	void systemVersioningIsToldApart() throws Exception {
		assertV1IsToldFromV2("versioning", "CREATE TABLE t (id INT PRIMARY KEY, a INT);",
				"ALTER TABLE t ADD SYSTEM VERSIONING;");
	}

	@Test
	void aColumnCommentIsToldApart() throws Exception {
		assertV1IsToldFromV2("comment", "CREATE TABLE t (id INT PRIMARY KEY, a INT);",
				"ALTER TABLE t MODIFY a INT COMMENT 'cents, not euros';");
	}

	@Test
	void aDefaultFromASequenceComparesEqualAtStrict() throws Exception {
		// NEXTVAL(s) reads back as nextval(`<database>`.`s`): the shadow's name is not live's.
		java.nio.file.Path folder = LibraryMigrations.write(this.temp.resolve("nextval"),
				List.of("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);", "V2__create_s.sql",
						"CREATE SEQUENCE s START WITH 1000;", "V3__reference.sql",
						"ALTER TABLE t ADD COLUMN r BIGINT NOT NULL DEFAULT NEXTVAL(s);"));
		this.database.execute("CREATE TABLE t (id INT PRIMARY KEY)", "CREATE SEQUENCE s START WITH 1000",
				"ALTER TABLE t ADD COLUMN r BIGINT NOT NULL DEFAULT NEXTVAL(s)", "INSERT INTO t (id) VALUES (1)");
		boot("spring.flyway.locations=filesystem:" + folder, "autobaseline.match=strict").run((context) -> {
			assertThat(report(context).baselineVersion()).isEqualTo("3");
			assertThat(report(context).distance()).isZero();
		});
		assertThat(this.database.history()).containsExactly("3:BASELINE:ok");
		assertThat(this.database.rows("SELECT id, r FROM t")).containsExactly("1|1000");
	}

}
