package dev.autobaseline.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.autobaseline.replay.ClusterStatementsException;
import dev.autobaseline.spring.ClusterStatementsFailureAnalyzer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report for scripts that would reach past the shadow into the live cluster.
 */
class ClusterStatementsFailureAnalyzerTests {

	private final ClusterStatementsFailureAnalyzer analyzer = new ClusterStatementsFailureAnalyzer();

	@Test
	void namesEveryScriptAndItsStatementsAndThePropertyThatAllowsThem() {
		ClusterStatementsException cause = new ClusterStatementsException(
				Map.of("/app/db/migration/V7__roles.sql", List.of("create role", "alter database"),
						"db/migration/V3__report.sql", List.of("copy report to '")));
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("flywayInitializer", "Invocation of init method failed", cause));
		String nl = System.lineSeparator();
		assertThat(analysis.getDescription()).isEqualTo("Flyway Autobaseline did not replay the migrations into a"
				+ " shadow database: these scripts hold statements that reach past a PostgreSQL database into its"
				+ " cluster (roles, tablespaces, databases, server settings), so the replay would change the live"
				+ " cluster:" + nl + "  - V7__roles.sql: create role, alter database" + nl
				+ "  - V3__report.sql: copy report to '" + nl + "Nothing was written.");
		assertThat(analysis.getAction()).isEqualTo("Set autobaseline.replay.allow-cluster-statements=true if replaying"
				+ " them is harmless (guarded with IF NOT EXISTS), or adopt without a replay: autobaseline.mode=fixed"
				+ " with autobaseline.fixed-version=<version>.");
	}

	@Test
	void isRegisteredInSpringFactories() {
		assertThat(AdoptionRefusedFailureAnalyzerTests.registeredAnalyzers())
			.filteredOn(ClusterStatementsFailureAnalyzer.class::isInstance)
			.hasSize(1);
	}

}
