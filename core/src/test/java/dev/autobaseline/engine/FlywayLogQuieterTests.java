package dev.autobaseline.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.autobaseline.replay.FlywayQuieter.Quiet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Spring's {@code LoggingSystem}: the replay quietens Flyway in the logging Flyway writes
 * to (Logback here, as in most applications), and gives back the level it found.
 */
class FlywayLogQuieterTests {

	private final Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");

	@Test
	void flywayIsAtWarnDuringTheReplayAndAsConfiguredAfter() {
		Level configured = this.flyway.getLevel();
		try {
			this.flyway.setLevel(Level.DEBUG);
			try (Quiet quiet = FlywayLogQuieter.INSTANCE.quiet()) {
				assertThat(this.flyway.getEffectiveLevel()).isEqualTo(Level.WARN);
			}
			assertThat(this.flyway.getLevel()).isEqualTo(Level.DEBUG);
		}
		finally {
			this.flyway.setLevel(configured);
		}
	}

	@Test
	void anUnsetLevelIsUnsetAgainAfter() {
		Level configured = this.flyway.getLevel();
		try {
			this.flyway.setLevel(null);
			try (Quiet quiet = FlywayLogQuieter.INSTANCE.quiet()) {
				assertThat(this.flyway.getEffectiveLevel()).isEqualTo(Level.WARN);
			}
			assertThat(this.flyway.getLevel()).isNull();
		}
		finally {
			this.flyway.setLevel(configured);
		}
	}

}
