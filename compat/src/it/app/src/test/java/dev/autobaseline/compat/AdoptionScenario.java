package dev.autobaseline.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's one job, written once and run on each engine: a database that an earlier
 * release of the application made by hand (the tables of V1 and V2, with rows, and no Flyway
 * history) is adopted on the first boot, at V2, and Flyway applies V3, which adds a column to a
 * table that has rows. A subclass says which engine.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AdoptionScenario {

	/** The one line a boot logs: {@code autobaseline: <STATE> ...}. */
	private static final Pattern DECISION = Pattern
		.compile("autobaseline: (EMPTY|UNMANAGED|BASELINED|MANAGED|INCONSISTENT|FOREIGN_HISTORY) .*");

	private static final Pattern ADOPTED_AT_V2 = Pattern.compile("autobaseline: UNMANAGED .* matched V2"
			+ " \\(columns, strict distance \\d+\\) in \\d+ ms; baselined at 2; Flyway applied 1 migration");

	private LegacyDatabase database;

	/** A new, empty database of the engine; closing it drops it. */
	abstract LegacyDatabase createDatabase() throws Exception;

	@BeforeEach
	void create() throws Exception {
		this.database = createDatabase();
	}

	@AfterEach
	void drop() throws Exception {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void tablesWithoutHistoryAreBaselinedAtV2AndV3IsApplied(CapturedOutput output) throws Exception {
		// Release 1 of the application, before Flyway: the tables of V1 and V2, made by hand, with rows.
		this.database.execute("CREATE TABLE person (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)",
				"CREATE TABLE meal (id INTEGER NOT NULL PRIMARY KEY, host_id INTEGER NOT NULL,"
						+ " title VARCHAR(100) NOT NULL, FOREIGN KEY (host_id) REFERENCES person (id))",
				"INSERT INTO person (id, name) VALUES (1, 'Alice'), (2, 'Bob'), (3, 'Chloe')",
				"INSERT INTO meal (id, host_id, title) VALUES (1, 1, 'Welcome dinner'), (2, 3, 'Picnic')");

		start().close();

		assertThat(this.database.rows("SELECT version, type, CASE WHEN success THEN 'succeeded' ELSE 'failed' END"
				+ " FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("2 BASELINE succeeded", "3 SQL succeeded");
		assertThat(this.database.rows("SELECT COUNT(*) FROM person")).containsExactly("3");
		assertThat(this.database.rows("SELECT name FROM person WHERE id = 2")).containsExactly("Bob");
		assertThat(this.database.rows("SELECT title FROM meal ORDER BY id")).containsExactly("Welcome dinner", "Picnic");
		// V3's column, on the rows that were there.
		assertThat(this.database.rows("SELECT COUNT(*) FROM person WHERE email IS NULL")).containsExactly("3");
		assertThat(decisions(output)).singleElement(InstanceOfAssertFactories.STRING).containsPattern(ADOPTED_AT_V2);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CompatApplication.class).web(WebApplicationType.NONE)
			.run(this.database.datasourceArguments().toArray(new String[0]));
	}

	private static List<String> decisions(CapturedOutput output) {
		List<String> lines = new ArrayList<>();
		for (String line : output.getOut().split("\\R")) {
			if (DECISION.matcher(line).find()) {
				lines.add(line);
			}
		}
		return lines;
	}

}
