package dev.autobaseline.log;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's logger, written to the logging the application has, found as Flyway finds it:
 * SLF4J, then Log4j 2, then commons-logging, then {@code java.util.logging}. The engine brings no
 * logging jar (Spring Boot 3.5's {@code spring-jcl} warns about a commons-logging one next to it),
 * and does not log through Flyway's own API, which drops DEBUG unless Flyway's command-line flag is
 * set.
 */
public final class EngineLog {

	private static final Api API = Api.find();

	private final String name;

	private final Object logger;

	private EngineLog(String name, Object logger) {
		this.name = name;
		this.logger = logger;
	}

	/** The logger named after {@code type}. */
	public static EngineLog of(Class<?> type) {
		String name = type.getName();
		return new EngineLog(name, (API != null) ? API.logger(name) : Logger.getLogger(name));
	}

	public boolean isDebugEnabled() {
		if (API == null) {
			return ((Logger) this.logger).isLoggable(Level.FINE);
		}
		try {
			return (boolean) API.isDebugEnabled.invoke(this.logger);
		}
		catch (Throwable ex) {
			return false;
		}
	}

	public void debug(String message) {
		log(Level.FINE, (API != null) ? API.debug : null, message);
	}

	public void info(String message) {
		log(Level.INFO, (API != null) ? API.info : null, message);
	}

	public void warn(String message) {
		log(Level.WARNING, (API != null) ? API.warn : null, message);
	}

	private void log(Level level, MethodHandle method, String message) {
		if (method == null) {
			((Logger) this.logger).log(level, message);
			return;
		}
		try {
			method.invoke(this.logger, message);
		}
		catch (Throwable ex) {
			Logger.getLogger(this.name).log(level, message);
		}
	}

	/** A logging API: how to get a logger by name, and its methods. */
	private record Api(MethodHandle getLogger, MethodHandle isDebugEnabled, MethodHandle debug, MethodHandle info,
			MethodHandle warn) {

		Object logger(String name) {
			try {
				return this.getLogger.invoke(name);
			}
			catch (Throwable ex) {
				throw new IllegalStateException("Could not get the logger " + name, ex);
			}
		}

		/** The first of SLF4J, Log4j 2 and commons-logging on the class path, or null for {@code java.util.logging}. */
		static Api find() {
			Api api = find("org.slf4j.LoggerFactory", "getLogger", "org.slf4j.Logger", String.class);
			if (api == null) {
				api = find("org.apache.logging.log4j.LogManager", "getLogger", "org.apache.logging.log4j.Logger",
						String.class);
			}
			if (api == null) {
				api = find("org.apache.commons.logging.LogFactory", "getLog", "org.apache.commons.logging.Log",
						Object.class);
			}
			return api;
		}

		private static Api find(String factoryName, String getter, String loggerName, Class<?> messageType) {
			try {
				ClassLoader loader = EngineLog.class.getClassLoader();
				Class<?> factory = Class.forName(factoryName, false, loader);
				Class<?> logger = Class.forName(loggerName, false, loader);
				MethodHandles.Lookup lookup = MethodHandles.publicLookup();
				MethodType message = MethodType.methodType(void.class, messageType);
				return new Api(lookup.findStatic(factory, getter, MethodType.methodType(logger, String.class)),
						lookup.findVirtual(logger, "isDebugEnabled", MethodType.methodType(boolean.class)),
						lookup.findVirtual(logger, "debug", message), lookup.findVirtual(logger, "info", message),
						lookup.findVirtual(logger, "warn", message));
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				return null;
			}
		}

	}

}
