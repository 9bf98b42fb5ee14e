package dev.autobaseline.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import dev.autobaseline.engine.AdoptionRefusedException;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.ReplayedVersion;
import dev.autobaseline.scenario.PlainBoot;

import static dev.autobaseline.corpus.CorpusTests.label;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end adoption of a corpus prefix: a legacy database built at the prefix, and an
 * application's own Flyway booted on it through the engine's plain API ({@link PlainBoot}).
 */
final class LegacyAdoption {

	/** Creates a fresh database of the engine. */
	@FunctionalInterface
	interface Databases {

		CorpusDatabase create(String name) throws Exception;

	}

	private final String engine;

	private final Databases databases;

	LegacyAdoption(String engine, Databases databases) {
		this.engine = engine;
		this.databases = databases;
	}

	/**
	 * Builds the legacy database at the prefix with plain Flyway (history dropped, rows added),
	 * boots the engine and checks the baseline or the refusal the corpus predicts, and the rows.
	 */
	void assertAdopted(CorpusReplay corpus, int prefix) throws Exception {
		long started = System.nanoTime();
		long[] built = new long[1];
		PrefixExpectation expected = PrefixExpectation.of(corpus.scoped(), prefix);
		try (CorpusDatabase legacy = this.databases.create(corpus.set() + "_legacy_" + prefix)) {
			CorpusReplay.flyway(legacy, corpus.folder()).target(corpus.scoped().get(prefix).version()).load().migrate();
			legacy.execute("DROP TABLE flyway_schema_history");
			built[0] = System.nanoTime();
			LegacyRows rows = LegacyRows.of(corpus.set());
			legacy.execute(rows.inserts());
			List<String> before = legacy.rows(rows.query());
			if (expected.outcome() == Detection.Outcome.MATCHED) {
				boot(legacy, corpus).run((context) -> assertThat(context).hasNotFailed());
				assertThat(legacy.rows("SELECT version FROM flyway_schema_history WHERE type = 'BASELINE'"))
					.as("the baseline of %s", label(corpus, prefix))
					.containsExactly(corpus.scoped().get(expected.chosen()).version().getVersion());
				assertThat(legacy.rows("SELECT version FROM flyway_schema_history WHERE NOT success")).isEmpty();
				assertThat(applied(legacy)).containsExactlyElementsOf(versionsAfter(corpus, expected.chosen()));
			}
			else {
				boot(legacy, corpus).run((context) -> {
					assertThat(context).hasFailed();
					Throwable cause = context.getStartupFailure();
					while (cause != null && !(cause instanceof AdoptionRefusedException)) {
						cause = cause.getCause();
					}
					assertThat(cause).as("an AdoptionRefusedException in %s", context.getStartupFailure())
						.isInstanceOf(AdoptionRefusedException.class);
				});
			}
			assertThat(legacy.rows(rows.query())).as("the legacy rows at %s", label(corpus, prefix)).containsAll(before);
		}
		System.out.println("corpus " + this.engine + " " + corpus.set() + " adopted end to end at " + label(corpus, prefix)
				+ ": " + ((expected.chosen() < 0) ? "refused" : "baseline " + corpus.scoped().get(expected.chosen()).label())
				+ " (legacy built in " + (built[0] - started) / 1_000_000 + " ms, adopted in "
				+ (System.nanoTime() - built[0]) / 1_000_000 + " ms)");
	}

	/**
	 * First, middle and last prefix, the first one detection cannot simply match (a refusal
	 * preferred, else a run of equal catalogs), and the last right after a facts-only migration and
	 * after an objects-only one.
	 */
	static List<Integer> samples(CorpusReplay corpus) {
		List<ReplayedVersion> scoped = corpus.scoped();
		int last = scoped.size() - 1;
		TreeSet<Integer> samples = new TreeSet<>(List.of(1, last / 2, last));
		List<PrefixExpectation> unclear = IntStream.rangeClosed(1, last)
			.mapToObj((prefix) -> PrefixExpectation.of(scoped, prefix))
			.filter((expected) -> expected.why() != null)
			.toList();
		unclear.stream()
			.filter((expected) -> expected.chosen() < 0)
			.findFirst()
			.or(() -> unclear.stream().filter((expected) -> !samples.contains(expected.prefix())).findFirst())
			.ifPresent((expected) -> samples.add(expected.prefix()));
		IntStream.rangeClosed(2, last)
			.filter((prefix) -> PrefixExpectation.changesFactsOnly(scoped, prefix))
			.max()
			.ifPresent(samples::add);
		// A migration that changes only types, functions or sequences (possibly in a schema of their own).
		IntStream.rangeClosed(2, last)
			.filter((prefix) -> PrefixExpectation.changesObjectsOnly(scoped, prefix))
			.max()
			.ifPresent(samples::add);
		return List.copyOf(samples);
	}

	private PlainBoot boot(CorpusDatabase database, CorpusReplay corpus) {
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database.url(),
				"spring.flyway.locations=filesystem:" + corpus.folder(), "autobaseline.backup.enabled=false"));
		if (database.username() != null) {
			properties.add("spring.datasource.username=" + database.username());
		}
		if (database.password() != null) {
			properties.add("spring.datasource.password=" + database.password());
		}
		return new PlainBoot().withPropertyValues(properties.toArray(String[]::new));
	}

	private static List<String> applied(CorpusDatabase database) throws Exception {
		return database.rows("SELECT version FROM flyway_schema_history WHERE type = 'SQL' AND version IS NOT NULL"
				+ " ORDER BY installed_rank");
	}

	private static List<String> versionsAfter(CorpusReplay corpus, int prefix) {
		return corpus.scoped()
			.subList(prefix + 1, corpus.prefixes())
			.stream()
			.map((version) -> version.version().getVersion())
			.toList();
	}

}
