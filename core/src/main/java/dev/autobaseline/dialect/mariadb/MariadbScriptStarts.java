package dev.autobaseline.dialect.mariadb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.autobaseline.dialect.mariadb.MariadbLexer.Statement;
import dev.autobaseline.dialect.mariadb.MariadbLexer.Token;

/**
 * Where statements start inside one statement: at its first token, and inside the bodies of
 * routines, triggers and events (after {@code ;}, {@code BEGIN}, {@code THEN}, {@code ELSE},
 * {@code DO}, {@code LOOP}, {@code REPEAT}, a label, {@code FOR EACH ROW}, a handler's condition,
 * {@code SET STATEMENT ... FOR}). A routine body runs when it is called, so its statements count.
 */
final class MariadbScriptStarts {

	private static final Set<String> BODY_STARTS = Set.of("begin", "then", "else", "do", "loop", "repeat", "for",
			"sqlexception", "sqlwarning", "found");

	private MariadbScriptStarts() {
	}

	static List<Integer> of(Statement statement) {
		List<Integer> starts = new ArrayList<>(List.of(0));
		for (int i = 0; i + 1 < statement.size(); i++) {
			Token token = statement.token(i);
			Token next = statement.token(i + 1);
			if (token.isSymbol(";") || (token.kind() == MariadbLexer.Kind.WORD && BODY_STARTS.contains(token.lower()))) {
				starts.add(afterTriggerOrder(statement, i + 1));
			}
			else if (token.kind() == MariadbLexer.Kind.WORD && next.isSymbol(":")) {
				starts.add(i + 2);
			}
		}
		return starts;
	}

	/** {@code FOR EACH ROW [FOLLOWS|PRECEDES other]}: the body starts after the order. */
	private static int afterTriggerOrder(Statement statement, int index) {
		Token each = statement.token(index);
		Token row = statement.token(index + 1);
		if (each == null || !each.is("each") || row == null || !row.is("row")) {
			return index;
		}
		Token order = statement.token(index + 2);
		return (order != null && (order.is("follows") || order.is("precedes"))) ? index + 4 : index + 2;
	}

	/** The first words from a start, lower-cased, {@code OR REPLACE} left out: {@code "create user"}. */
	static String leadingWords(Statement statement, int start) {
		StringBuilder words = new StringBuilder();
		int count = 0;
		for (int i = start; i < statement.size() && count < 6; i++) {
			Token token = statement.token(i);
			if (token.kind() != MariadbLexer.Kind.WORD) {
				break;
			}
			boolean orReplace = token.is("or") && statement.token(i + 1) != null && statement.token(i + 1).is("replace");
			if (orReplace) {
				i++;
				continue;
			}
			words.append((words.length() > 0) ? " " : "").append(token.lower());
			count++;
		}
		return words.toString();
	}

}
