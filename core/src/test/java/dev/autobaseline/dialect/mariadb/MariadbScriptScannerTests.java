package dev.autobaseline.dialect.mariadb;

import java.util.List;
import java.util.Set;

import dev.autobaseline.dialect.mariadb.MariadbScriptFinding.Reach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements of a MariaDB script reach past the shadow database, and how far.
 */
class MariadbScriptScannerTests {

	private final MariadbScriptScanner scanner = new MariadbScriptScanner(Set.of("live", "Audit"),
			Set.of("live", "audit", "other", "information_schema", "mysql", "test"), "STRICT_TRANS_TABLES");

	@Test
	void namesQualifiedWithLiveAreAlwaysRefused() {
		assertThat(reaches("INSERT INTO live.t VALUES (1)")).containsExactly(Reach.LIVE);
		assertThat(reaches("UPDATE `live`.`t` SET a = 1")).containsExactly(Reach.LIVE);
		assertThat(reaches("SELECT live.t.c FROM x")).containsExactly(Reach.LIVE);
		assertThat(reaches("CALL audit.purge()")).containsExactly(Reach.LIVE);
		assertThat(reaches("CREATE TRIGGER tr BEFORE INSERT ON live.t FOR EACH ROW SET NEW.a = 1"))
			.containsExactly(Reach.LIVE);
	}

	@Test
	void useAndStatementsNamingLiveAreAlwaysRefused() {
		assertThat(reaches("USE other")).containsExactly(Reach.LIVE);
		assertThat(reaches("DROP DATABASE IF EXISTS live")).containsExactly(Reach.LIVE);
		assertThat(reaches("SHOW TABLES FROM live")).containsExactly(Reach.LIVE);
	}

	@Test
	void findingsNameTheScriptTheStatementAndWhetherAPropertyAllowsIt() {
		List<MariadbScriptFinding> findings = this.scanner.scan("db/migration/V2__x.sql",
				"CREATE TABLE a (id int);\nINSERT   INTO live.t\n  VALUES (1);\nSET GLOBAL event_scheduler = ON;");
		assertThat(findings).containsExactly(
				new MariadbScriptFinding("db/migration/V2__x.sql", "INSERT INTO live.t VALUES (1)", Reach.LIVE,
						"names live's database live"),
				new MariadbScriptFinding("db/migration/V2__x.sql", "SET GLOBAL event_scheduler = ON", Reach.SERVER,
						"sets GLOBAL event_scheduler"));
		assertThat(findings.get(0).allowed(true)).isFalse();
		assertThat(findings.get(1).allowed(true)).isTrue();
		assertThat(findings.get(1).allowed(false)).isFalse();
	}

	@Test
	void usersRolesAndPrivilegesReachTheServer() {
		for (String sql : List.of("CREATE USER IF NOT EXISTS 'r'@'%'", "CREATE OR REPLACE USER r", "ALTER USER r",
				"DROP USER r", "RENAME USER a TO b", "SET PASSWORD FOR r = PASSWORD('x')", "CREATE ROLE admin",
				"DROP ROLE admin", "SET ROLE admin", "SET DEFAULT ROLE admin FOR r", "GRANT SELECT ON t TO r",
				"REVOKE ALL ON *.* FROM r")) {
			assertThat(reaches(sql)).as(sql).containsExactly(Reach.SERVER);
		}
	}

	@Test
	void globalVariablesReachTheServerAndSessionOnesDoNot() {
		for (String sql : List.of("SET GLOBAL max_connections = 10", "SET PERSIST x = 1", "SET PERSIST_ONLY x = 1",
				"SET @@global.max_connections = 10", "SET @@persist.x = 1", "SET a = 1, GLOBAL b = 2",
				"SET GLOBAL TRANSACTION ISOLATION LEVEL READ COMMITTED")) {
			assertThat(reaches(sql)).as(sql).containsExactly(Reach.SERVER);
		}
		assertThat(reaches("SET @x = @@global.sql_mode, SESSION wait_timeout = 5, NAMES utf8mb4, foreign_key_checks = 0"))
			.isEmpty();
		assertThat(reaches("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")).isEmpty();
	}

	@Test
	void databasesPluginsServersAndAdministrationReachTheServer() {
		for (String sql : List.of("CREATE DATABASE x", "CREATE SCHEMA IF NOT EXISTS x", "ALTER DATABASE x COMMENT 'c'",
				"DROP SCHEMA x", "INSTALL PLUGIN p SONAME 'p.so'", "INSTALL SONAME 'p'", "UNINSTALL PLUGIN p",
				"CREATE FUNCTION f RETURNS STRING SONAME 'f.so'", "CREATE AGGREGATE FUNCTION g RETURNS INT SONAME 'g.so'",
				"CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (HOST 'h')", "ALTER SERVER s OPTIONS (PORT 1)",
				"DROP SERVER s", "FLUSH PRIVILEGES", "KILL 5", "SHUTDOWN", "CHANGE MASTER TO MASTER_HOST = 'h'",
				"CHANGE REPLICATION SOURCE TO SOURCE_HOST = 'h'", "START SLAVE", "STOP REPLICA", "RESET MASTER",
				"RESET SLAVE ALL", "PURGE BINARY LOGS TO 'b.1'")) {
			assertThat(reaches(sql)).as(sql).containsExactly(Reach.SERVER);
		}
		assertThat(reaches("START TRANSACTION")).isEmpty();
	}

	@Test
	void filesRemoteTablesAndDirectoriesReachTheServer() {
		for (String sql : List.of("LOAD DATA INFILE '/tmp/x' INTO TABLE t", "LOAD DATA LOCAL INFILE 'x' INTO TABLE t",
				"LOAD XML INFILE '/tmp/x.xml' INTO TABLE t", "INSERT INTO t SELECT LOAD_FILE('/etc/passwd')",
				"SELECT * FROM t INTO OUTFILE '/tmp/t'", "SELECT a INTO DUMPFILE '/tmp/a' FROM t",
				"CREATE TABLE r (id int) ENGINE=CONNECT TABLE_TYPE=MYSQL", "CREATE TABLE r (id int) ENGINE FEDERATED",
				"CREATE TABLE r (id int) ENGINE = 'FederatedX'", "ALTER TABLE r ENGINE=SPIDER",
				"CREATE TABLE m (id int) ENGINE=MERGE UNION=(a, b)", "CREATE TABLE d (id int) DATA DIRECTORY = '/x'",
				"CREATE TABLE d (id int) INDEX DIRECTORY '/x'", "RENAME TABLE t TO other.t")) {
			assertThat(reaches(sql)).as(sql).containsExactly(Reach.SERVER);
		}
		assertThat(reaches("CREATE TABLE m (id int) ENGINE=InnoDB")).isEmpty();
		assertThat(reaches("UPDATE t SET engine = 'spider', data = 'directory'")).isEmpty();
	}

	@Test
	void namesQualifiedWithAnotherDatabaseOfTheServerReachTheServer() {
		assertThat(reaches("INSERT INTO other.t VALUES (1)")).containsExactly(Reach.SERVER);
		assertThat(reaches("SELECT * FROM mysql.user")).containsExactly(Reach.SERVER);
		assertThat(reaches("CALL sys.ps_setup_enable_instrument('x')")).containsExactly(Reach.SERVER);
		assertThat(reaches("UPDATE performance_schema.setup_instruments SET ENABLED = 'NO'"))
			.containsExactly(Reach.SERVER);
	}

	@Test
	void informationSchemaReadsAliasColumnsAndTheOwnDatabaseAreAllowed() {
		assertThat(reaches("SELECT COUNT(*) FROM information_schema.COLUMNS c WHERE c.TABLE_NAME = 't'")).isEmpty();
		assertThat(reaches("SELECT o.id, x.v FROM orders o JOIN x ON o.id = x.id")).isEmpty();
		// A table named like live's database: its columns are not database references.
		assertThat(reaches("UPDATE live SET live.amount = 0 WHERE live.id = 1")).isEmpty();
		assertThat(reaches("SELECT test.a FROM t AS test")).isEmpty();
		assertThat(this.scanner.withOwnDatabase("autobaseline_shadow_1").scan("V1", "INSERT INTO autobaseline_shadow_1.t VALUES (1)"))
			.isEmpty();
	}

	@Test
	void keywordsInStringsCommentsAndNamesAreNotStatements() {
		assertThat(reaches("INSERT INTO note (text) VALUES ('USE live; CREATE USER x; live.t')")).isEmpty();
		assertThat(reaches("# USE live\n-- GRANT ALL ON live.* TO x\n/* SET GLOBAL x = 1 */ SELECT 1")).isEmpty();
		assertThat(reaches("CREATE TABLE `user` (`grant` int, `live.t` int, `a#b` int); DROP TABLE `user`")).isEmpty();
		assertThat(reaches("ALTER TABLE t DROP COLUMN user, ADD COLUMN role int")).isEmpty();
	}

	@Test
	void dashDashWithoutASpaceIsNotAComment() {
		assertThat(reaches("SELECT 1--1\nUSE live")).isEmpty();
		assertThat(reaches("SELECT 1--1;\nUSE live")).containsExactly(Reach.LIVE);
		// A ; inside a comment ends nothing: USE is not a statement of its own there.
		assertThat(reaches("SELECT 1 -- ;\nUSE live")).isEmpty();
	}

	@Test
	void executableCommentsAreScanned() {
		assertThat(reaches("/*! CREATE USER 'x'@'%' */")).containsExactly(Reach.SERVER);
		assertThat(reaches("/*!50700 SET GLOBAL x = 1 */;")).containsExactly(Reach.SERVER);
		assertThat(reaches("/*M! INSERT INTO live.t VALUES (1) */")).containsExactly(Reach.LIVE);
	}

	@Test
	void mysqldumpHeadersAndFootersAreHarmless() {
		assertThat(reaches("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
				+ "/*!40101 SET NAMES utf8mb4 */;\n/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n"
				+ "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
				+ "/*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;\n"
				+ "CREATE TABLE t (id int);\n/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n"
				+ "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;")).isEmpty();
	}

	@Test
	void statementsInsideAProcedureBodyUnderADelimiterCount() {
		String sql = "DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.TABLES"
				+ " WHERE TABLE_NAME = 'x') THEN\n    CREATE TABLE x (id int);\n  ELSE\n    INSERT INTO live.x VALUES (1);\n"
				+ "  END IF;\n  GRANT SELECT ON x TO r;\nEND //\nDELIMITER ;\nCALL p();\nDROP PROCEDURE p;";
		assertThat(reaches(sql)).containsExactlyInAnyOrder(Reach.LIVE, Reach.SERVER);
		assertThat(reaches("DELIMITER //\nCREATE PROCEDURE q() BEGIN DECLARE n INT; SELECT COUNT(*) INTO n FROM t; END //"))
			.isEmpty();
	}

	@Test
	void setSqlModeChangesHowTheFollowingStatementsRead() {
		String backslash = "SELECT 'a\\'; INSERT INTO live.t VALUES (1); SELECT '1'";
		assertThat(reaches(backslash)).isEmpty();
		assertThat(reaches("SET sql_mode = 'NO_BACKSLASH_ESCAPES';\n" + backslash)).containsExactly(Reach.LIVE);
		assertThat(reaches("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES'); INSERT INTO \"live\".t VALUES (1)"))
			.containsExactly(Reach.LIVE);
		assertThat(reaches("INSERT INTO \"live\".t VALUES (1)")).isEmpty();
		assertThat(new MariadbScriptScanner(Set.of("live"), Set.of(), "ANSI").scan("V1", "INSERT INTO \"live\".t VALUES (1)"))
			.hasSize(1);
	}

	@Test
	void aModeSetFromAVariableFollowsTheVariable() {
		assertThat(reaches("SET @m = @@sql_mode; SET sql_mode = 'ANSI_QUOTES'; SET sql_mode = @m; INSERT INTO \"live\".t VALUES (1)"))
			.isEmpty();
	}

	@Test
	void aModeNoOneCanTellIsReadEveryWay() {
		assertThat(reaches("SET sql_mode = (SELECT v FROM settings); SELECT 'a\\'; INSERT INTO live.t VALUES (1); SELECT '1'"))
			.containsExactly(Reach.LIVE);
	}

	@Test
	void dynamicSqlInStringsIsScannedWhenTheScriptPreparesStatements() {
		assertThat(reaches("SET @s = 'CREATE USER x'; PREPARE st FROM @s; EXECUTE st;")).containsExactly(Reach.SERVER);
		assertThat(reaches("EXECUTE IMMEDIATE 'INSERT INTO live.t VALUES (1)'")).containsExactly(Reach.LIVE);
	}

	@Test
	void aStringNamingLiveWouldReadLiveInTheReplayAndIsRefused() {
		// An idempotent migration that names its database reads live's catalog in the replay, not the shadow's.
		assertThat(this.scanner.scan("V1", "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'live'"
				+ " AND TABLE_NAME = 't'")).singleElement()
			.satisfies((finding) -> assertThat(finding.reach()).isEqualTo(Reach.LIVE))
			.satisfies((finding) -> assertThat(finding.reason()).contains("write DATABASE() instead"));
		assertThat(reaches("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'AUDIT'"))
			.containsExactly(Reach.LIVE);
		assertThat(reaches("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()")).isEmpty();
		// Without dynamic SQL, a word in a longer string is data.
		assertThat(reaches("INSERT INTO note VALUES ('live music'), ('lively')")).isEmpty();
	}

	@Test
	void dynamicSqlBuiltFromPiecesIsRefusedWhenAPieceNamesLive() {
		assertThat(reaches("SET @s = CONCAT('INSERT INTO live', '.t VALUES (1)'); PREPARE st FROM @s; EXECUTE st;"))
			.containsExactly(Reach.LIVE);
		assertThat(reaches("SET @s = CONCAT('INSERT INTO ', 'live', '.t VALUES (1)'); PREPARE st FROM @s; EXECUTE st;"))
			.containsExactly(Reach.LIVE);
		assertThat(reaches("SET @s = CONCAT('INSERT INTO ', DATABASE(), '.t VALUES (1)'); PREPARE st FROM @s; EXECUTE st;"))
			.isEmpty();
		assertThat(reaches("SET @s = 'SELECT ''lively'''; PREPARE st FROM @s; EXECUTE st;")).isEmpty();
	}

	private List<Reach> reaches(String sql) {
		return this.scanner.scan("V1__test.sql", sql).stream().map(MariadbScriptFinding::reach).toList();
	}

}
