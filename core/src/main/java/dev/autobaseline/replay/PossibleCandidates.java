package dev.autobaseline.replay;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.MatchLevel;
import dev.autobaseline.catalog.Relation;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Reads a version in full only when its signature leaves it a possible candidate at the match
 * level: every relation it creates is in the database, of the same kind and (from
 * {@code columns}) with the same column names; no relation an earlier version created is in the
 * database while missing from this one; at {@code strict}, the same for top-level objects (by key:
 * a repeatable migration may still replace a definition). Those are differences the final comparison counts at that level, so every
 * true candidate passes; a version that passes and turns out not to be one (a relation a later
 * version creates is in the database) only costs a full read. Live relations no version has
 * created yet may be foreign: they do not count until the replay ends.
 * <p>
 * A version read as a signature therefore differs from the database at the level. The version a
 * refusal names as the closest, or the one a history records for {@code verify-managed}, is read
 * in full besides where its differences must all be listed ({@link SnapshotPolicy#alsoInFull}).
 */
public final class PossibleCandidates implements SnapshotPolicy {

	/** The live catalog, read in full, covering the schemas of the relations and objects named. */
	@FunctionalInterface
	public interface LiveCatalog {

		CatalogSnapshot covering(Set<String> relations) throws SQLException;

	}

	private final LiveCatalog live;

	private final MatchLevel level;

	private final Predicate<String> evidence;

	private final Set<String> ownedRelations = new HashSet<>();

	private final Set<String> ownedObjects = new HashSet<>();

	private int fullReads;

	private boolean columnsOfEveryVersion;

	/**
	 * Whether the last version's names and kinds left it possible at {@code columns} or above:
	 * versions come in runs (every one before the database's version is possible by names until a
	 * later one creates a relation the database lacks), so the next one's column names are read at
	 * once. A guess costs a column read of a version its names rule out, never a decision.
	 */
	private boolean lastPossibleByNames;

	/**
	 * @param live the live catalog
	 * @param level the match level
	 * @param ignoreTables {@code autobaseline.ignore-tables} patterns
	 * @param historyTable the history table's relation key
	 */
	public PossibleCandidates(LiveCatalog live, MatchLevel level, List<String> ignoreTables, String historyTable) {
		this.live = live;
		this.level = level;
		List<Pattern> ignored = ignoreTables.stream().map(CatalogScope::glob).toList();
		this.evidence = (name) -> !name.equals(historyTable) && !CatalogScope.matchesAny(ignored, name);
	}

	/**
	 * Column names only for a version whose names and kinds leave it possible at {@code columns}
	 * or above: any other one is not read in full whatever its columns are.
	 */
	@Override
	public boolean readsColumns(CatalogSnapshot names) throws SQLException {
		if (this.columnsOfEveryVersion) {
			return true;
		}
		if (!columnsCount()) {
			return false;
		}
		CatalogSnapshot mine = mine(names);
		return isPossible(mine, live(mine));
	}

	/** After a version its names left possible at {@code columns} or above, and for every version when asked to. */
	@Override
	public boolean readsColumnsAtOnce() {
		return this.columnsOfEveryVersion || this.lastPossibleByNames;
	}

	@Override
	public boolean readsFull(MigrationVersion version, CatalogSnapshot signature) throws SQLException {
		CatalogSnapshot mine = mine(signature);
		CatalogSnapshot live = live(mine);
		boolean byNames = isPossible(mine, live);
		this.lastPossibleByNames = byNames && columnsCount();
		boolean full = byNames && (!mine.columnsRead() || !columnsCount() || sameColumns(mine, live));
		this.fullReads += full ? 1 : 0;
		return full;
	}

	/** Whether column names count at the match level: from {@code columns} up. */
	private boolean columnsCount() {
		return this.level.compareTo(MatchLevel.COLUMNS) >= 0;
	}

	/** The signature's relations and objects that count as evidence, which the migrations own from now on. */
	private CatalogSnapshot mine(CatalogSnapshot signature) {
		CatalogSnapshot mine = signature.retain(this.evidence)
			.retainObjects((key) -> this.evidence.test(CatalogSnapshot.objectName(key)));
		this.ownedRelations.addAll(mine.names());
		this.ownedObjects.addAll(mine.objects().keySet());
		return mine;
	}

	private CatalogSnapshot live(CatalogSnapshot mine) throws SQLException {
		Set<String> names = new HashSet<>(mine.names());
		mine.objects().keySet().forEach((key) -> names.add(CatalogSnapshot.objectName(key)));
		return this.live.covering(names).retain(this.evidence);
	}

	/**
	 * Objects count at {@code strict} only; below, they are read with the full snapshots (what no
	 * candidate holds weighs the same on every candidate).
	 */
	@Override
	public boolean signatureObjects() {
		return this.level == MatchLevel.STRICT;
	}

	/**
	 * Column names for every version, whatever its names: a refusal's closest version is then told
	 * apart from the others by its columns too, as a signature of names only cannot be.
	 */
	public PossibleCandidates columnsOfEveryVersion() {
		this.columnsOfEveryVersion = true;
		return this;
	}

	/** How many versions this policy had read in full. */
	public int fullReads() {
		return this.fullReads;
	}

	/**
	 * Whether the version's names and kinds (and at {@code strict} its objects' keys) leave it
	 * possible; column names are compared apart, when read and from {@code columns} up (a
	 * signature of names only was read because its names already ruled it out, or below
	 * {@code columns}).
	 */
	private boolean isPossible(CatalogSnapshot mine, CatalogSnapshot live) {
		for (Relation want : mine.relations().values()) {
			Relation have = live.relations().get(want.name());
			if (have == null || have.kind() != want.kind()) {
				return false;
			}
		}
		for (String name : live.names()) {
			if (this.ownedRelations.contains(name) && !mine.relations().containsKey(name)) {
				return false;
			}
		}
		if (this.level == MatchLevel.STRICT) {
			// Presence only: a repeatable migration may replace an object's definition, which is known
			// only when the replay ends.
			for (String key : mine.objects().keySet()) {
				if (!live.objects().containsKey(key)) {
					return false;
				}
			}
			for (String key : live.objects().keySet()) {
				if (this.ownedObjects.contains(key) && !mine.objects().containsKey(key)
						&& this.evidence.test(CatalogSnapshot.objectName(key))) {
					return false;
				}
			}
		}
		return true;
	}

	/** Whether every relation of the version has the database's column names; both have every relation. */
	private static boolean sameColumns(CatalogSnapshot mine, CatalogSnapshot live) {
		for (Relation want : mine.relations().values()) {
			if (!sameColumns(want, live.relations().get(want.name()))) {
				return false;
			}
		}
		return true;
	}

	/** Column names as the comparison pairs them: by name, in any order. */
	private static boolean sameColumns(Relation want, Relation have) {
		return want.columns().equals(have.columns()) || (want.columns().size() == have.columns().size()
				&& new HashSet<>(want.columns()).equals(new HashSet<>(have.columns())));
	}

}
