package dev.autobaseline.replay;

/**
 * Lowers Flyway's log level for the replay's duration: its INFO lines would read like live
 * migrations. The Spring Boot glue implements it with the {@code LoggingSystem}.
 */
@FunctionalInterface
public interface FlywayQuieter {

	/** Leaves Flyway's logging as it is. */
	FlywayQuieter NONE = () -> () -> {
	};

	/** Quietens Flyway until the returned handle is closed. */
	Quiet quiet();

	/** Restores Flyway's logging when closed. */
	interface Quiet extends AutoCloseable {

		@Override
		void close();

	}

}
