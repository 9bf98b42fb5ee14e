package dev.autobaseline.replay;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.autobaseline.catalog.CatalogSnapshot;
import dev.autobaseline.dialect.Dialect;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Snapshots the shadow's catalog after every migration of the replay, on the migration's own
 * connection (another connection lags one migration behind and, on PostgreSQL, blocks).
 */
final class SnapshotCallback implements Callback {

	private final Dialect dialect;

	private final List<ReplayedVersion> versions = new ArrayList<>();

	private final Set<String> repeatableOnly = new TreeSet<>();

	private final Set<MigrationVersion> inertVersions;

	SnapshotCallback(Dialect dialect, CatalogSnapshot emptyPrefix, Set<MigrationVersion> inertVersions) {
		this.dialect = dialect;
		this.inertVersions = inertVersions;
		this.versions.add(ReplayedVersion.emptyPrefix(emptyPrefix));
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_EACH_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		MigrationInfo migration = context.getMigrationInfo();
		CatalogSnapshot catalog = read(context);
		CatalogSnapshot previous = last().catalog();
		if (migration.getVersion() == null) {
			// Repeatables run after every versioned migration: what they add is theirs alone.
			catalog.names().stream().filter((name) -> !previous.names().contains(name)).forEach(this.repeatableOnly::add);
			return;
		}
		// Data-only migrations leave the catalog unchanged: share the previous snapshot.
		this.versions.add(new ReplayedVersion(migration.getVersion(), migration.getDescription(),
				catalog.equals(previous) ? previous : catalog, this.inertVersions.contains(migration.getVersion())));
	}

	private CatalogSnapshot read(Context context) {
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
		return new ReplayResult(this.versions, this.repeatableOnly);
	}

}
