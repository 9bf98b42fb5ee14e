package dev.autobaseline.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.autobaseline.dialect.Dialect;
import dev.autobaseline.dialect.JdbcUrls;
import dev.autobaseline.dialect.UnsupportedDatabaseException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Checks the settings before the engine touches the database, so that a typo fails with the
 * property's name and nothing written.
 */
final class SettingsCheck {

	private SettingsCheck() {
	}

	static void check(AutobaselineSettings settings, Dialect live) {
		if (settings.fixedVersion() != null) {
			version("autobaseline.fixed-version", settings.fixedVersion());
		}
		notNegative("autobaseline.lock-timeout", settings.lockTimeout());
		notNegative("autobaseline.replay.timeout", settings.replayTimeout());
		if (settings.backupEnabled() && settings.backupDirectory() != null && !settings.dryRun()) {
			writableDirectory("autobaseline.backup.directory", settings.backupDirectory());
		}
		String shadowUrl = settings.shadow().url();
		if (shadowUrl != null) {
			Dialect shadow;
			try {
				shadow = Dialect.forUrl(shadowUrl);
			}
			catch (UnsupportedDatabaseException ex) {
				throw new InvalidConfigurationException("autobaseline.shadow.url", JdbcUrls.redact(shadowUrl),
						"is not a JDBC URL of a database the starter supports");
			}
			if (!shadow.name().equals(live.name())) {
				throw new InvalidConfigurationException("autobaseline.shadow.url", JdbcUrls.redact(shadowUrl),
						"is a " + shadow.name() + " database, but the live database is " + live.name()
								+ ": the shadow must be of the live engine");
			}
		}
	}

	static MigrationVersion version(String property, String value) {
		try {
			MigrationVersion version = MigrationVersion.fromVersion(value.trim());
			if (version.isPredefined() || version.getVersion() == null) {
				throw new FlywayException("predefined");
			}
			return version;
		}
		catch (RuntimeException ex) {
			throw new InvalidConfigurationException(property, value, "is not a Flyway version such as 1, 1.2 or 2024.01.15");
		}
	}

	private static void notNegative(String property, Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new InvalidConfigurationException(property, duration, "must be zero or positive");
		}
	}

	private static void writableDirectory(String property, Path directory) {
		Path existing = directory.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
			throw new InvalidConfigurationException(property, directory,
					"is not a writable folder (or one that can be created)".toLowerCase(Locale.ROOT));
		}
	}

}
