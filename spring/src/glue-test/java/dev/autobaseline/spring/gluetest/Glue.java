package dev.autobaseline.spring.gluetest;

import dev.autobaseline.engine.LiveDatabaseResolver;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ApplicationContext;

/**
 * What the glue tests need from one Spring Boot line: the classes that live in that line's own
 * packages. Each glue module's tests implement it; the tests in this folder are compiled into,
 * and run by, each glue module, so that both lines pass the same tests.
 */
public interface Glue {

	/** The line's version prefix, such as {@code "3.5."} or {@code "4."}. */
	String line();

	/** The version prefix of the Flyway the line's BOM manages, such as {@code "11.7."}. */
	String flywayLine();

	/** The line's DataSource and Flyway auto-configurations, and its glue's. */
	AutoConfigurations autoConfigurations();

	/** The line's {@code FlywayMigrationStrategy} interface. */
	Class<?> migrationStrategyType();

	/**
	 * A configuration of the application's own: a {@code FlywayMigrationStrategy} bean named
	 * {@code userStrategy} that records each Flyway it is given in a {@link RecordedMigrations}
	 * (which the configuration extends) and migrates nothing.
	 */
	Class<? extends RecordedMigrations> recordingStrategyConfiguration();

	/** The live database resolver the glue builds from the context's connection details. */
	LiveDatabaseResolver resolver(ApplicationContext context);

}
