package dev.autobaseline.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.autobaseline.catalog.CatalogComparison;
import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.replay.Detection;
import dev.autobaseline.replay.OnAmbiguous;
import dev.autobaseline.replay.PossibleCandidates;
import dev.autobaseline.replay.ReplayedVersion;
import dev.autobaseline.replay.VersionChooser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario corpus: migration sets shaped like real applications' histories, written once per
 * engine under {@code corpus/<engine>/<set>}. Each set is replayed once and walked once through a
 * real database; the version chooser is then checked at every prefix and both levels, with full
 * snapshots and with the signatures {@link PossibleCandidates} leaves; a sample of prefixes is
 * adopted end to end through the engine's plain API. Every prefix detection cannot tell apart is
 * printed with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusTests {

	private static final List<MatchLevel> LEVELS = List.of(MatchLevel.COLUMNS, MatchLevel.STRICT);

	/** A statement that changes the schema, at the start of a line. */
	private static final java.util.regex.Pattern DDL = java.util.regex.Pattern
		.compile("(?im)^\\s*(create|alter|drop|rename)\\b");

	@TempDir
	Path temp;

	private final Map<String, CorpusReplay> replays = new HashMap<>();

	private final List<String> explained = new ArrayList<>();

	/** The engine's folder under {@code corpus/}. */
	abstract String engine();

	abstract CorpusDatabase createDatabase(String name) throws Exception;

	Stream<String> sets() throws IOException, URISyntaxException {
		try (Stream<Path> folders = Files.list(corpus())) {
			return folders.filter(Files::isDirectory).map((folder) -> folder.getFileName().toString()).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sets")
	void everyPrefixIsDetectedOrExplained(String set) throws Exception {
		CorpusReplay corpus = replay(set);
		List<ReplayedVersion> scoped = corpus.scoped();
		int fullReads = 0;
		int rankedAtColumns = 0;
		List<String> signatureMismatches = new ArrayList<>();
		for (int prefix = 0; prefix < corpus.prefixes(); prefix++) {
			CatalogSnapshot live = corpus.liveEvidence(prefix);
			assertThat(corpus.scope().foreign(corpus.live().get(prefix))).as("foreign relations at %s", label(corpus, prefix))
				.isEmpty();
			assertThat(CatalogComparison.differences(scoped.get(prefix).catalog(), live))
				.as("the replay of %s reproduces the database migrated to it", label(corpus, prefix))
				.isEmpty();
			PrefixExpectation expected = PrefixExpectation.of(scoped, prefix);
			rankedAtColumns += (candidatesAtColumns(scoped, live) > expected.equal().size()) ? 1 : 0;
			for (MatchLevel level : LEVELS) {
				Detection detection = VersionChooser.choose(scoped, live, level, OnAmbiguous.HIGHEST, null);
				assertThat(expected.isMetBy(detection, scoped))
					.as("%s at %s: expected %s at %s, detected %s at %s (best %s)", label(corpus, prefix), level,
							expected.outcome(), (expected.chosen() < 0) ? "-" : scoped.get(expected.chosen()).label(),
							detection.outcome(), (detection.chosen() != null) ? detection.chosen().label() : "-",
							detection.best().stream().map(ReplayedVersion::label).toList())
					.isTrue();
				if (expected.equal().size() > 1 && expected.outcome() == Detection.Outcome.MATCHED) {
					assertThat(VersionChooser.choose(scoped, live, level, OnAmbiguous.FAIL, null).outcome())
						.isEqualTo(Detection.Outcome.AMBIGUOUS);
				}
				if (expected.why() != null) {
					explain(corpus, prefix, level, expected.why());
				}
				try {
					fullReads += assertSignaturesChooseTheSame(corpus, prefix, level, detection);
				}
				catch (AssertionError ex) {
					// Every prefix is still checked: the list shows the whole pattern.
					signatureMismatches.add(ex.getMessage());
				}
			}
		}
		System.out.println("corpus " + engine() + " " + set + ": " + corpus.prefixes() + " prefixes (V"
				+ scoped.get(scoped.size() - 1).version() + " last) checked at columns and strict; " + rankedAtColumns
				+ " had other candidates at columns that only the full ranking set apart; with signatures "
				+ fullReads + " of " + (2 * corpus.prefixes() * (corpus.prefixes() - 1)) + " version reads were full");
		assertThat(signatureMismatches).as("signature reads that change the decision").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sets")
	void samplePrefixesAreAdoptedEndToEnd(String set) throws Exception {
		CorpusReplay corpus = replay(set);
		LegacyAdoption adoption = new LegacyAdoption(engine(), this::createDatabase);
		for (int prefix : LegacyAdoption.samples(corpus)) {
			adoption.assertAdopted(corpus, prefix);
		}
	}

	/**
	 * A migration that runs DDL must leave a catalog other than the one before it: the expected
	 * outcomes are computed from the same reader as the detection, so a change the reader cannot
	 * see would otherwise pass as a data-only step (and {@code on-ambiguous=highest} would baseline
	 * past it). Data-only scripts (no CREATE, ALTER, DROP or RENAME) are left out.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("sets")
	void everyDdlMigrationChangesTheCatalog(String set) throws Exception {
		CorpusReplay corpus = replay(set);
		List<String> unseen = new ArrayList<>();
		for (int prefix = 1; prefix < corpus.prefixes(); prefix++) {
			ReplayedVersion version = corpus.scoped().get(prefix);
			String script = script(corpus.folder(), version);
			if (DDL.matcher(script).find() && PrefixExpectation.differences(corpus.scoped(), prefix - 1, prefix).isEmpty()) {
				unseen.add(label(corpus, prefix) + " \"" + version.description() + "\"");
			}
		}
		assertThat(unseen).as("DDL migrations whose change the catalog does not show").isEmpty();
	}

	/** The versioned script of a version, comments left out. */
	private static String script(Path folder, ReplayedVersion version) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				int separator = name.indexOf("__");
				if (name.startsWith("V") && name.endsWith(".sql") && separator > 1
						&& org.flywaydb.core.api.MigrationVersion.fromVersion(name.substring(1, separator).replace('_', '.'))
							.equals(version.version())) {
					return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(--|#).*$", "");
				}
			}
		}
		throw new IllegalStateException("No script for " + version.label() + " in " + folder);
	}

	@AfterAll
	void printExplained() {
		System.out.println("corpus " + engine() + ": " + this.explained.size() + " prefix/level cases not simply matched");
		this.explained.forEach(System.out::println);
	}

	/**
	 * The walk with signature reads: each version's catalog is replaced by its signature when
	 * {@link PossibleCandidates} would not read it in full; the decision must not change.
	 * @return how many versions the policy read in full
	 */
	private int assertSignaturesChooseTheSame(CorpusReplay corpus, int prefix, MatchLevel level, Detection full)
			throws Exception {
		CatalogSnapshot rawLive = corpus.live().get(prefix);
		PossibleCandidates policy = new PossibleCandidates((relations) -> rawLive, level, List.of(), corpus.historyKey());
		List<ReplayedVersion> versions = new ArrayList<>();
		versions.add(corpus.scoped().get(0));
		for (int i = 1; i < corpus.prefixes(); i++) {
			ReplayedVersion raw = corpus.replay().versions().get(i);
			ReplayedVersion scoped = corpus.scoped().get(i);
			boolean readsFull = policy.readsFull(raw.version(), raw.catalog().asSignature());
			versions.add(readsFull ? scoped : scoped.withCatalog(scoped.catalog().asSignature()));
		}
		Detection withSignatures;
		try {
			withSignatures = VersionChooser.choose(versions, corpus.liveEvidence(prefix), level, OnAmbiguous.HIGHEST,
					null);
		}
		catch (IllegalStateException ex) {
			throw new AssertionError(label(corpus, prefix) + " at " + level + " with signatures (full reads: "
					+ IntStream.range(1, versions.size())
						.filter((i) -> versions.get(i).catalog().full())
						.mapToObj((i) -> versions.get(i).label())
						.toList()
					+ "): " + ex.getMessage(), ex);
		}
		assertThat(withSignatures.outcome()).as("%s at %s with signatures", label(corpus, prefix), level)
			.isEqualTo(full.outcome());
		assertThat(versionOf(withSignatures)).as("%s at %s with signatures", label(corpus, prefix), level)
			.isEqualTo(versionOf(full));
		return policy.fullReads();
	}

	/** How many prefixes differ from live by nothing that counts at {@code columns}. */
	private static int candidatesAtColumns(List<ReplayedVersion> scoped, CatalogSnapshot live) {
		return (int) scoped.stream()
			.filter((version) -> CatalogComparison.differences(version.catalog(), live)
				.stream()
				.noneMatch((difference) -> difference.countsAt(MatchLevel.COLUMNS)))
			.count();
	}

	private static Object versionOf(Detection detection) {
		return (detection.chosen() != null) ? Objects.toString(detection.chosen().version()) : null;
	}

	private synchronized CorpusReplay replay(String set) throws Exception {
		CorpusReplay corpus = this.replays.get(set);
		if (corpus == null) {
			try (CorpusDatabase walked = createDatabase(set + "_walk")) {
				long started = System.nanoTime();
				corpus = CorpusReplay.of(set, corpus().resolve(set), walked);
				System.out.println("corpus " + engine() + " " + set + ": replay and walk took "
						+ (System.nanoTime() - started) / 1_000_000 + " ms");
			}
			this.replays.put(set, corpus);
		}
		return corpus;
	}

	private void explain(CorpusReplay corpus, int prefix, MatchLevel level, String why) {
		this.explained.add("corpus " + engine() + " " + corpus.set() + " " + level.name().toLowerCase(java.util.Locale.ROOT)
				+ " " + label(corpus, prefix) + ": " + why);
	}

	static String label(CorpusReplay corpus, int prefix) {
		return corpus.set() + " " + corpus.scoped().get(prefix).label();
	}

	private Path corpus() throws URISyntaxException {
		return Path.of(Objects.requireNonNull(getClass().getResource("/corpus/" + engine())).toURI());
	}

}
