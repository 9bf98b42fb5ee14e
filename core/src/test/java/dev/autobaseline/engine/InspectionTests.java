package dev.autobaseline.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state classification on hand-built facts.
 */
class InspectionTests {

	@Test
	void noHistoryAndAnEmptySchemaIsEmpty() {
		assertThat(state(HistoryRows.ABSENT, true, List.of())).isEqualTo(SchemaState.EMPTY);
	}

	@Test
	void noHistoryAndObjectsIsUnmanaged() {
		assertThat(state(HistoryRows.ABSENT, false, List.of())).isEqualTo(SchemaState.UNMANAGED);
	}

	@Test
	void emptyOrMarkerOnlyHistoryWithObjectsIsUnmanaged() {
		assertThat(state(new HistoryRows(true, 0, 0, List.of(), 0), false, List.of())).isEqualTo(SchemaState.UNMANAGED);
		assertThat(state(new HistoryRows(true, 0, 0, List.of(), 1), false, List.of())).isEqualTo(SchemaState.UNMANAGED);
	}

	@Test
	void baselineRowsOnlyIsBaselined() {
		assertThat(state(new HistoryRows(true, 0, 0, List.of("4"), 0), false, List.of()))
			.isEqualTo(SchemaState.BASELINED);
	}

	@Test
	void baselineRowsFollowedOnlyByFailedRowsAreBaselined() {
		assertThat(state(new HistoryRows(true, 1, 1, List.of("1"), 0, List.of("2")), false, List.of()))
			.isEqualTo(SchemaState.BASELINED);
		// One migration applied after the baseline: Flyway owns it, and the failure is inconsistent.
		assertThat(state(new HistoryRows(true, 2, 1, List.of("1"), 0, List.of("3")), false, List.of()))
			.isEqualTo(SchemaState.INCONSISTENT);
	}

	@Test
	void appliedRowsAreManagedUnlessOneFailed() {
		assertThat(state(new HistoryRows(true, 3, 0, List.of("1"), 0), false, List.of())).isEqualTo(SchemaState.MANAGED);
		assertThat(state(new HistoryRows(true, 3, 1, List.of(), 0), false, List.of()))
			.isEqualTo(SchemaState.INCONSISTENT);
	}

	@Test
	void anotherHistoryWithoutOursIsForeign() {
		assertThat(state(HistoryRows.ABSENT, false, List.of("public.schema_version")))
			.isEqualTo(SchemaState.FOREIGN_HISTORY);
		assertThat(state(HistoryRows.ABSENT, true, List.of("public.schema_version")))
			.isEqualTo(SchemaState.FOREIGN_HISTORY);
	}

	private static SchemaState state(HistoryRows rows, boolean empty, List<String> foreign) {
		return Inspection.classify(rows, empty, foreign).state();
	}

}
