package dev.autobaseline.replay;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import java.util.concurrent.TimeUnit;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.catalog.Relation;
import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.log.EngineLog;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Snapshots the shadow's catalog after every migration of the replay, on the migration's own
 * connection (another connection lags one migration behind and, on PostgreSQL, blocks).
 * <p>
 * It also tells how the replay goes, since Flyway's own lines are quiet meanwhile: DEBUG one line
 * per migration, INFO a progress line naming the shadow once a replay runs long. Both cost one
 * clock read per migration unless they are logged.
 */
final class SnapshotCallback implements Callback {

	private static final EngineLog logger = EngineLog.of(ShadowReplay.class);

	/** A replay that runs this long gets a first progress line at INFO. */
	static final long FIRST_PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(2);

	/** After the first progress line, one more this often. */
	static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Dialect dialect;

	private final String shadow;

	private final int total;

	private final long started = System.nanoTime();

	private long nextProgress = this.started + FIRST_PROGRESS_NANOS;

	private boolean progressLogged;

	private final List<ReplayedVersion> versions = new ArrayList<>();

	private final Set<String> repeatableOnly = new TreeSet<>();

	private final Set<MigrationVersion> inertVersions;

	private final SnapshotPolicy policy;

	/** The full catalog before the first repeatable migration ran, when one did. */
	private CatalogSnapshot beforeRepeatables;

	private final java.util.Map<String, Set<String>> repeatableFacts = new java.util.TreeMap<>();

	private final Set<String> repeatableObjects = new TreeSet<>();

	/**
	 * @param shadow the shadow's description, for the progress lines
	 * @param total how many versioned migrations the replay applies, or -1 when unknown
	 */
	SnapshotCallback(Dialect dialect, CatalogSnapshot emptyPrefix, Set<MigrationVersion> inertVersions,
			SnapshotPolicy policy, String shadow, int total) {
		this.dialect = dialect;
		this.inertVersions = inertVersions;
		this.policy = policy;
		this.shadow = shadow;
		this.total = total;
		this.versions.add(ReplayedVersion.emptyPrefix(emptyPrefix));
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_EACH_MIGRATE || event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		switch (event) {
			case AFTER_EACH_MIGRATE -> afterMigration(context);
			case BEFORE_EACH_MIGRATE -> {
				// Repeatables run after every versioned migration: the catalog before the first one is
				// what the versions made.
				if (context.getMigrationInfo().getVersion() == null && this.beforeRepeatables == null) {
					this.beforeRepeatables = readFull(context);
				}
			}
			default -> {
				if (this.beforeRepeatables != null) {
					collectRepeatableEffects(this.beforeRepeatables, readFull(context));
				}
			}
		}
	}

	/**
	 * What repeatables made beside what versioned migrations made: relations of their own, facts
	 * of relations both have (an index, a trigger), and top-level objects (a function replaced).
	 */
	private void collectRepeatableEffects(CatalogSnapshot before, CatalogSnapshot after) {
		after.relations().forEach((name, relation) -> {
			Relation earlier = before.relations().get(name);
			if (earlier == null) {
				this.repeatableOnly.add(name);
			}
			else if (!earlier.facts().equals(relation.facts())) {
				Set<String> keys = new TreeSet<>(earlier.facts().keySet());
				keys.addAll(relation.facts().keySet());
				keys.removeIf((key) -> java.util.Objects.equals(earlier.facts().get(key), relation.facts().get(key)));
				this.repeatableFacts.put(name, keys);
			}
		});
		Set<String> objects = new TreeSet<>(before.objects().keySet());
		objects.addAll(after.objects().keySet());
		objects.removeIf((key) -> java.util.Objects.equals(before.objects().get(key), after.objects().get(key)));
		this.repeatableObjects.addAll(objects);
	}

	private void afterMigration(Context context) {
		MigrationInfo migration = context.getMigrationInfo();
		if (migration.getVersion() == null) {
			// A repeatable: what all of them made is read once, when the migration ends.
			return;
		}
		CatalogSnapshot catalog = read(context, migration.getVersion());
		CatalogSnapshot previous = last().catalog();
		// Data-only migrations leave the catalog unchanged: share the previous snapshot.
		boolean unchanged = catalog.equals(previous);
		this.versions.add(new ReplayedVersion(migration.getVersion(), migration.getDescription(),
				unchanged ? previous : catalog, this.inertVersions.contains(migration.getVersion())));
		logProgress(migration, unchanged ? (catalog.full() ? "data only, schema unchanged"
				: "tables and columns unchanged") : "schema changed");
	}

	private void logProgress(MigrationInfo migration, String change) {
		if (logger.isDebugEnabled()) {
			logger.debug("autobaseline: replayed V" + migration.getVersion() + " " + migration.getDescription()
					+ " into the " + this.shadow + ": " + change);
		}
		long now = System.nanoTime();
		if (now >= this.nextProgress) {
			logger.info("autobaseline: replaying into the " + this.shadow + ": " + progress() + " versions ("
					+ seconds(now) + " s so far)");
			this.progressLogged = true;
			this.nextProgress = now + PROGRESS_EVERY_NANOS;
		}
	}

	/** Closes the progress lines with the replay's end, when there were any. */
	void replayFinished() {
		if (this.progressLogged) {
			logger.info("autobaseline: replayed " + progress() + " versions into the " + this.shadow + " in "
					+ seconds(System.nanoTime()) + " s; comparing with the live database");
		}
	}

	private String progress() {
		int replayed = this.versions.size() - 1;
		return (this.total >= replayed) ? replayed + "/" + this.total : String.valueOf(replayed);
	}

	private String seconds(long now) {
		return String.format(java.util.Locale.ROOT, "%.1f", (now - this.started) / 1e9);
	}

	/** The signature after a versioned migration, or the full snapshot when the policy wants it. */
	private CatalogSnapshot read(Context context, MigrationVersion version) {
		try {
			CatalogSnapshot signature = this.dialect.readSignature(context.getConnection(),
					this.policy.signatureObjects(),
					this.policy.readsColumnsAtOnce() ? Dialect.ColumnsWanted.ALWAYS : this.policy::readsColumns);
			if (signature.full() || !this.policy.readsFull(version, signature)) {
				return signature;
			}
			return this.dialect.readCatalog(context.getConnection());
		}
		catch (SQLException ex) {
			throw new FlywayException("Flyway Autobaseline could not read the shadow catalog: " + ex.getMessage(), ex);
		}
	}

	private CatalogSnapshot readFull(Context context) {
		try {
			return this.dialect.readCatalog(context.getConnection());
		}
		catch (SQLException ex) {
			throw new FlywayException("Flyway Autobaseline could not read the shadow catalog: " + ex.getMessage(), ex);
		}
	}

	private ReplayedVersion last() {
		return this.versions.get(this.versions.size() - 1);
	}

	@Override
	public String getCallbackName() {
		// Callbacks run sorted by name: '~' sorts after letters and digits, so ours runs last.
		return "~~autobaseline-snapshot";
	}

	ReplayResult result() {
		boolean objectsOfEveryVersion = this.versions.stream().allMatch((version) -> version.catalog().objectsRead());
		return new ReplayResult(this.versions, this.repeatableOnly, this.repeatableFacts, this.repeatableObjects,
				objectsOfEveryVersion);
	}

}
