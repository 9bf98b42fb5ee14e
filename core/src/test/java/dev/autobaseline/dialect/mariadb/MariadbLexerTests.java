package dev.autobaseline.dialect.mariadb;

import java.util.List;

import dev.autobaseline.dialect.mariadb.MariadbLexer.Kind;
import dev.autobaseline.dialect.mariadb.MariadbLexer.Statement;
import dev.autobaseline.dialect.mariadb.MariadbLexer.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How MariaDB and MySQL text splits into statements and tokens under an sql_mode.
 */
class MariadbLexerTests {

	private static final MariadbLexerMode DEFAULT = MariadbLexerMode.of("STRICT_TRANS_TABLES");

	@Test
	void hashAndDashDashBeforeWhitespaceStartComments() {
		assertThat(texts("SELECT 1 # USE live\n, 2 -- USE live\n, 3 --\tx\n, 4 --")).containsExactly(
				List.of("SELECT", "1", ",", "2", ",", "3", ",", "4"));
	}

	@Test
	void dashDashWithoutWhitespaceIsTwoMinuses() {
		assertThat(texts("SELECT 5--1; USE live")).containsExactly(List.of("SELECT", "5", "-", "-", "1"),
				List.of("USE", "live"));
	}

	@Test
	void blockCommentsAreSkippedAndExecutableCommentsAreCode() {
		assertThat(texts("/* USE live; */ SELECT 1")).containsExactly(List.of("SELECT", "1"));
		assertThat(texts("/*! CREATE USER a */; /*!50700 SET GLOBAL x = 1 */; /*M!100100 FLUSH TABLES */"))
			.containsExactly(List.of("CREATE", "USER", "a"), List.of("SET", "GLOBAL", "x", "=", "1"),
					List.of("FLUSH", "TABLES"));
	}

	@Test
	void mysqldumpHeadersReadAsSessionStatements() {
		List<Statement> statements = MariadbLexer.statements(
				"/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
						+ "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n",
				DEFAULT);
		assertThat(statements).hasSize(2);
		assertThat(statements.get(0).token(1)).isEqualTo(new Token(Kind.VARIABLE, "@old_sql_mode", 13));
		assertThat(statements.get(0).token(3).text()).isEqualTo("@@sql_mode");
	}

	@Test
	void stringsKeepTheirValueWithBackslashAndDoubledQuotes() {
		List<Token> tokens = MariadbLexer.statements("SELECT 'it\\'s; USE live', 'a''b', \"c\\\"d\"", DEFAULT)
			.get(0)
			.tokens();
		assertThat(tokens).extracting(Token::kind)
			.containsExactly(Kind.WORD, Kind.STRING, Kind.SYMBOL, Kind.STRING, Kind.SYMBOL, Kind.STRING);
		assertThat(tokens).extracting(Token::text).contains("it's; USE live", "a'b", "c\"d");
	}

	@Test
	void noBackslashEscapesEndsAStringAtTheQuoteAfterABackslash() {
		assertThat(texts("SELECT 'a\\'; USE live; SELECT '1'", MariadbLexerMode.of("NO_BACKSLASH_ESCAPES")))
			.containsExactly(List.of("SELECT", "a\\"), List.of("USE", "live"), List.of("SELECT", "1"));
		assertThat(texts("SELECT 'a\\'; USE live; SELECT '1'", DEFAULT)).hasSize(1);
	}

	@Test
	void backticksQuoteNamesWithDoubledBackticks() {
		List<Token> tokens = MariadbLexer.statements("SELECT `a``#b`.`c` FROM `we;ird`", DEFAULT).get(0).tokens();
		assertThat(tokens).extracting(Token::text).containsExactly("SELECT", "a`#b", ".", "c", "FROM", "we;ird");
		assertThat(tokens.get(1).kind()).isEqualTo(Kind.QUOTED_NAME);
	}

	@Test
	void doubleQuotesQuoteNamesUnderAnsiQuotesAndImplyingModes() {
		assertThat(MariadbLexer.statements("SELECT \"live\".\"t\"", MariadbLexerMode.of("ANSI")).get(0).token(1).kind())
			.isEqualTo(Kind.QUOTED_NAME);
		assertThat(MariadbLexerMode.of("PIPES_AS_CONCAT,ORACLE").ansiQuotes()).isTrue();
		assertThat(MariadbLexer.statements("SELECT \"live\".\"t\"", DEFAULT).get(0).token(1).kind())
			.isEqualTo(Kind.STRING);
	}

	@Test
	void delimiterCommandSplitsAProcedureBodyAsOneStatement() {
		List<List<String>> statements = texts("DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //\n"
				+ "delimiter ;\nCALL p();");
		assertThat(statements).hasSize(2);
		assertThat(statements.get(0)).startsWith("CREATE", "PROCEDURE").contains(";").endsWith("END");
		assertThat(statements.get(1)).containsExactly("CALL", "p", "(", ")");
	}

	@Test
	void dollarDelimitersAreNotWords() {
		assertThat(texts("DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END$$\n"))
			.hasSize(1);
	}

	@Test
	void variablesAreOneToken() {
		assertThat(MariadbLexer.statements("SET @@global.max_connections = 5, @'x y' = 1", DEFAULT).get(0).tokens())
			.extracting(Token::text)
			.containsExactly("SET", "@@global.max_connections", "=", "5", ",", "@x y", "=", "1");
	}

	@Test
	void theModeChangesBetweenStatements() {
		MariadbLexer lexer = new MariadbLexer("SELECT \"a\"; SELECT \"a\"", DEFAULT);
		assertThat(lexer.next().token(1).kind()).isEqualTo(Kind.STRING);
		lexer.mode(MariadbLexerMode.of("ANSI_QUOTES"));
		assertThat(lexer.next().token(1).kind()).isEqualTo(Kind.QUOTED_NAME);
	}

	private static List<List<String>> texts(String sql) {
		return texts(sql, DEFAULT);
	}

	private static List<List<String>> texts(String sql, MariadbLexerMode mode) {
		return MariadbLexer.statements(sql, mode)
			.stream()
			.map((statement) -> statement.tokens().stream().map(Token::text).toList())
			.toList();
	}

}
