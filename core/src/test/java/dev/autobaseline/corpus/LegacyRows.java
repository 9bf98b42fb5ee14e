package dev.autobaseline.corpus;

import java.util.Map;

/**
 * The rows a legacy application left in a set's first table, written at any prefix with the
 * first version's columns only: adoption must keep every one of them.
 *
 * @param inserts the statements that write them (the same SQL on every engine)
 * @param query a query listing them, to compare before and after
 */
record LegacyRows(String[] inserts, String query) {

	private static final Map<String, LegacyRows> BY_SET = Map.of(
			"shop", rows("customer", "email, full_name", "'ada@example.com', 'Ada Lovelace'", "'alan@example.com', 'Alan Turing'"),
			"blog", rows("author", "handle, display_name", "'ursula', 'Ursula K. Le Guin'", "'terry', 'Terry Pratchett'"),
			"payroll", rows("department", "code, name", "'ENG', 'Engineering'", "'OPS', 'Operations'"),
			"booking", rows("venue", "name, city", "'Harbour Hall', 'Bergen'", "'Old Mill', 'Leeds'"),
			"tenants", rows("tenant", "slug, name", "'acme', 'Acme Ltd'", "'globex', 'Globex Corp'"),
			"iot", rows("site", "code, name", "'OSL-1', 'Oslo warehouse'", "'TRD-2', 'Trondheim depot'"));

	static LegacyRows of(String set) {
		return BY_SET.get(set);
	}

	private static LegacyRows rows(String table, String columns, String... values) {
		String[] inserts = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			inserts[i] = "INSERT INTO " + table + " (" + columns + ") VALUES (" + values[i] + ")";
		}
		return new LegacyRows(inserts, "SELECT " + columns + " FROM " + table + " ORDER BY 1");
	}

}
