package dev.autobaseline.dialect.postgresql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Normalised PostgreSQL definitions: one form per type, casts and parentheses dropped from
 * defaults, engine-generated names left out of keys.
 */
class PostgresqlDefinitionsTests {

	@Test
	void typesHaveOneForm() {
		assertThat(PostgresqlDefinitions.type("character varying(255)")).isEqualTo("varchar(255)");
		assertThat(PostgresqlDefinitions.type("character varying")).isEqualTo("varchar");
		assertThat(PostgresqlDefinitions.type("character(3)")).isEqualTo("char(3)");
		assertThat(PostgresqlDefinitions.type("timestamp(6) without time zone")).isEqualTo("timestamp(6)");
		assertThat(PostgresqlDefinitions.type("timestamp with time zone")).isEqualTo("timestamptz");
		assertThat(PostgresqlDefinitions.type("integer")).isEqualTo("integer");
	}

	@Test
	void serialAndIdentityAreToldApartButNotBySequenceName() {
		assertThat(PostgresqlDefinitions.column("integer", true, "nextval('public.book_id_seq'::regclass)", "", "", null, true))
			.isEqualTo(PostgresqlDefinitions.column("integer", true, "nextval('public.\"Book_id_seq1\"'::regclass)", "", "", null, true))
			.isEqualTo("integer not null default nextval(owned sequence)");
		assertThat(PostgresqlDefinitions.column("integer", true, null, "d", "", null, false))
			.isEqualTo("integer not null identity by default");
	}

	@Test
	void defaultsLoseCastsAndRedundantParentheses() {
		assertThat(PostgresqlDefinitions.expression("'unknown'::character varying")).isEqualTo("'unknown'");
		assertThat(PostgresqlDefinitions.expression("((0)::numeric)")).isEqualTo("0");
		assertThat(PostgresqlDefinitions.expression("(now() + '1 day'::interval)")).isEqualTo("now() + '1 day'");
		assertThat(PostgresqlDefinitions.expression("(a) + (b)")).isEqualTo("(a) + (b)");
	}

	@Test
	void constraintsAreKeyedByDefinition() {
		assertThat(PostgresqlDefinitions.constraint("PRIMARY KEY (id)")).containsExactly("pk (id)", "");
		assertThat(PostgresqlDefinitions.constraint("FOREIGN KEY (author_id) REFERENCES public.author(id) NOT VALID"))
			.containsExactly("fk (author_id) REFERENCES public.author(id)", "not valid");
		assertThat(PostgresqlDefinitions.constraint("CHECK ((price > (0)::numeric))")).containsExactly("check (price > 0)", "");
	}

	@Test
	void indexesAreKeyedByDefinitionWithoutNameAndTable() {
		assertThat(PostgresqlDefinitions.index("CREATE UNIQUE INDEX idx_book_title ON public.book USING btree (title) WHERE (price > 0)"))
			.isEqualTo("index unique btree (title) WHERE (price > 0)");
		assertThat(PostgresqlDefinitions.index("CREATE INDEX \"UK x\" ON ONLY public.\"Book\" USING hash (isbn)"))
			.isEqualTo("index hash (isbn)");
	}

}
