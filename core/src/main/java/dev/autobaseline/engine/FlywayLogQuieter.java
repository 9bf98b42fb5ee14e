package dev.autobaseline.engine;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.autobaseline.replay.FlywayQuieter;

/**
 * Lowers {@code org.flywaydb} to WARN for the replay without Spring's {@code LoggingSystem}, in
 * whichever logging Flyway writes to: Logback (through SLF4J), Log4j 2, or {@code java.util.logging}
 * (Flyway's fallback, and JBoss LogManager's API), then restores the level it found. Another
 * logging is left as it is: the replay's lines then read like live ones, which is all it costs.
 */
final class FlywayLogQuieter implements FlywayQuieter {

	static final FlywayLogQuieter INSTANCE = new FlywayLogQuieter();

	private static final String FLYWAY = "org.flywaydb";

	/** Held, so that the level set on it is not lost with a collected logger. */
	private static final Logger julFlyway = Logger.getLogger(FLYWAY);

	private FlywayLogQuieter() {
	}

	@Override
	public Quiet quiet() {
		Quiet logback = logback();
		if (logback != null) {
			return logback;
		}
		Quiet log4j = log4j2();
		if (log4j != null) {
			return log4j;
		}
		Level configured = julFlyway.getLevel();
		julFlyway.setLevel(Level.WARNING);
		return () -> julFlyway.setLevel(configured);
	}

	/** Logback's {@code Logger.setLevel}, reached through SLF4J when Logback is its provider. */
	private static Quiet logback() {
		try {
			Class<?> factory = Class.forName("org.slf4j.LoggerFactory", false, FlywayLogQuieter.class.getClassLoader());
			Object logger = factory.getMethod("getLogger", String.class).invoke(null, FLYWAY);
			if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
				return null;
			}
			Class<?> levelType = Class.forName("ch.qos.logback.classic.Level", false, logger.getClass().getClassLoader());
			Method setLevel = logger.getClass().getMethod("setLevel", levelType);
			Object configured = logger.getClass().getMethod("getLevel").invoke(logger);
			setLevel.invoke(logger, levelType.getField("WARN").get(null));
			return () -> invoke(setLevel, logger, configured);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return null;
		}
	}

	/** Log4j 2's {@code Configurator.setLevel}, when Log4j 2's core is there. */
	private static Quiet log4j2() {
		try {
			ClassLoader loader = FlywayLogQuieter.class.getClassLoader();
			Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator", false, loader);
			Class<?> levelType = Class.forName("org.apache.logging.log4j.Level", false, loader);
			Class<?> logManager = Class.forName("org.apache.logging.log4j.LogManager", false, loader);
			Object logger = logManager.getMethod("getLogger", String.class).invoke(null, FLYWAY);
			Object configured = logger.getClass().getMethod("getLevel").invoke(logger);
			Method setLevel = configurator.getMethod("setLevel", String.class, levelType);
			setLevel.invoke(null, FLYWAY, levelType.getField("WARN").get(null));
			return () -> invoke(setLevel, null, FLYWAY, configured);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return null;
		}
	}

	private static void invoke(Method method, Object target, Object... arguments) {
		try {
			method.invoke(target, arguments);
		}
		catch (ReflectiveOperationException ex) {
			// Restoring a level cannot fail once setting it worked; nothing else to do.
		}
	}

}
