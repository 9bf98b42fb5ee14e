package dev.autobaseline.replay;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Stands in for a {@link JavaMigration} bean during replay: same version, description and
 * checksum, does nothing. A bean may hold the application's DataSource and would write to live.
 */
final class InertJavaMigration implements JavaMigration {

	private final JavaMigration bean;

	InertJavaMigration(JavaMigration bean) {
		this.bean = bean;
	}

	@Override
	public MigrationVersion getVersion() {
		return this.bean.getVersion();
	}

	@Override
	public String getDescription() {
		return this.bean.getDescription();
	}

	@Override
	public Integer getChecksum() {
		return this.bean.getChecksum();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return this.bean.canExecuteInTransaction();
	}

	@Override
	public void migrate(Context context) {
	}

}
