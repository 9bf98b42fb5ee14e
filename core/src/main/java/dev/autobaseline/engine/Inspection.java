package dev.autobaseline.engine;

import java.util.List;

/**
 * Facts about the live database, gathered off the fast path, and the state they make.
 *
 * @param state the classification
 * @param history the history table's rows
 * @param flywayEmpty whether Flyway would call the managed schemas empty
 * @param foreignHistories Flyway-shaped tables with rows other than the history table
 */
record Inspection(SchemaState state, HistoryRows history, boolean flywayEmpty, List<String> foreignHistories) {

	Inspection {
		foreignHistories = List.copyOf(foreignHistories);
	}

	/**
	 * Classifies the facts. Pure: guard clauses, one outcome each.
	 */
	static Inspection classify(HistoryRows history, boolean flywayEmpty, List<String> foreignHistories) {
		// A baseline, then only failed migrations (a baseline-on-migrate guess too low): detect as for BASELINED.
		if (history.isFailedBaselineAttempt()) {
			return new Inspection(SchemaState.BASELINED, history, flywayEmpty, foreignHistories);
		}
		// Migrations were applied, one failed: Flyway would refuse to go on.
		if (history.failed() > 0) {
			return new Inspection(SchemaState.INCONSISTENT, history, flywayEmpty, foreignHistories);
		}
		// Migrations were applied: Flyway owns this database.
		if (history.applied() > 0) {
			return new Inspection(SchemaState.MANAGED, history, flywayEmpty, foreignHistories);
		}
		// Only BASELINE rows: someone guessed a version; check it against the schema.
		if (!history.baselines().isEmpty()) {
			return new Inspection(SchemaState.BASELINED, history, flywayEmpty, foreignHistories);
		}
		// A history of another name or schema: adopting would fork it.
		if (!foreignHistories.isEmpty()) {
			return new Inspection(SchemaState.FOREIGN_HISTORY, history, flywayEmpty, foreignHistories);
		}
		// Nothing to adopt: Flyway migrates an empty schema on its own.
		if (flywayEmpty) {
			return new Inspection(SchemaState.EMPTY, history, true, foreignHistories);
		}
		// Objects and no applied history: adopt.
		return new Inspection(SchemaState.UNMANAGED, history, false, foreignHistories);
	}

}
