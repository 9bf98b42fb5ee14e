package dev.autobaseline.spring.gluetest;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;

/** What an application's own {@code FlywayMigrationStrategy} was given, in order. */
public class RecordedMigrations {

	private final List<Flyway> migrated = new ArrayList<>();

	protected void record(Flyway flyway) {
		this.migrated.add(flyway);
	}

	public List<Flyway> migrated() {
		return this.migrated;
	}

}
