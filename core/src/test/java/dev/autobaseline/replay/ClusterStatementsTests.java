package dev.autobaseline.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements reach past a PostgreSQL database into its cluster.
 */
class ClusterStatementsTests {

	@Test
	void rolesTablespacesDatabasesAndServerSettingsAreFound() {
		assertThat(ClusterStatements.find("CREATE ROLE reporting;\nALTER USER app SET x = 1;\n")).hasSize(2);
		assertThat(ClusterStatements.find("create tablespace fast location '/ssd';")).hasSize(1);
		assertThat(ClusterStatements.find("ALTER DATABASE app SET timezone = 'UTC';")).hasSize(1);
		assertThat(ClusterStatements.find("ALTER SYSTEM SET work_mem = '64MB';")).hasSize(1);
		assertThat(ClusterStatements.find("CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p;")).hasSize(1);
	}

	@Test
	void copyToAFileOrAProgramAndDblinkAreFound() {
		assertThat(ClusterStatements.find("COPY book TO '/tmp/book.csv';")).hasSize(1);
		assertThat(ClusterStatements.find("COPY book FROM PROGRAM 'curl x';")).hasSize(1);
		assertThat(ClusterStatements.find("SELECT dblink_exec('host=x', 'DROP TABLE t');")).hasSize(1);
	}

	@Test
	void aRoleCreatedInsideADoBlockIsFound() {
		assertThat(ClusterStatements.find("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'r')"
				+ " THEN CREATE ROLE r; END IF; END $$;")).containsExactly("create role");
	}

	@Test
	void commentsStringsAndOrdinaryStatementsAreNot() {
		assertThat(ClusterStatements.find("-- CREATE ROLE in a comment\n/* ALTER SYSTEM too */\n"
				+ "INSERT INTO note (text) VALUES ('create role x; alter database y');\n"
				+ "CREATE TABLE role (id int); GRANT SELECT ON book TO PUBLIC; COPY book FROM STDIN;\n"
				+ "CREATE INDEX user_idx ON users (name); DROP TABLE database_links;")).isEmpty();
	}

}
