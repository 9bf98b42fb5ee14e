package dev.autobaseline.dialect.sqlite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Normalised SQLite definitions: types by affinity, defaults, indexes and views in canonical form.
 */
class SqliteDefinitionsTests {

	@Test
	void declaredTypesCompareByAffinity() {
		assertThat(SqliteDefinitions.affinity("VARCHAR(255)")).isEqualTo("text");
		assertThat(SqliteDefinitions.affinity("text")).isEqualTo("text");
		assertThat(SqliteDefinitions.affinity("BIGINT")).isEqualTo("integer");
		assertThat(SqliteDefinitions.affinity("int")).isEqualTo("integer");
		assertThat(SqliteDefinitions.affinity("DOUBLE PRECISION")).isEqualTo("real");
		assertThat(SqliteDefinitions.affinity("")).isEqualTo("blob");
		assertThat(SqliteDefinitions.affinity("DECIMAL(10,2)")).isEqualTo("numeric");
		assertThat(SqliteDefinitions.affinity("DATETIME")).isEqualTo("numeric");
	}

	@Test
	void defaultsLoseParenthesesSpacingAndAnExplicitNull() {
		assertThat(SqliteDefinitions.column("TEXT", true, "( 'x' )", null)).isEqualTo("text not null default 'x'");
		assertThat(SqliteDefinitions.column("DATETIME", false, "(datetime( 'now' ))", null))
			.isEqualTo("numeric null default datetime('now')");
		assertThat(SqliteDefinitions.column("VARCHAR(20)", false, "NULL", null)).isEqualTo("text null");
	}

	@Test
	void indexesAreKeyedByDefinitionWithoutTheirName() {
		assertThat(SqliteDefinitions.index("CREATE UNIQUE INDEX IF NOT EXISTS idx_one ON Book (Title DESC) WHERE price > 0"))
			.isEqualTo("index unique (title desc) where price > 0");
		assertThat(SqliteDefinitions.index("create index \"IDX two\" on main.book(title)")).isEqualTo("index (title)");
	}

	@Test
	void viewsAreTheirQuery() {
		assertThat(SqliteDefinitions.view("CREATE VIEW v AS\n  SELECT id, Title FROM book;"))
			.isEqualTo("select id, title from book");
	}

}
