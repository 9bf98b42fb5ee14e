package dev.autobaseline.scenario;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.Autobaseline;
import dev.autobaseline.engine.AutobaselineBuilder;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * What the scenario suites boot instead of Spring Boot's {@code ApplicationContextRunner}: an
 * application without Spring that builds its own {@code Flyway} and calls the engine through its
 * plain API, {@code Autobaseline.builder()...build().migrate(flyway)}, as the README's "Without
 * Spring Boot" shows.
 * <p>
 * It takes the suites' property strings and makes of each the call a plain application makes:
 * <ul>
 * <li>{@code autobaseline.x-y=v}: the builder method {@code xY(v)} (a boolean, a string, patterns
 * separated by commas, an enum constant by name, a duration such as {@code 500ms}, {@code 5s} or
 * {@code 2m}, a path);</li>
 * <li>{@code spring.flyway.x-y=v}: Flyway's configuration method {@code xY(v)}
 * ({@code locations}, {@code defaultSchema}, {@code schemas}, {@code table}, {@code target},
 * {@code ignoreMigrationPatterns}...), and {@code spring.flyway.postgresql.transactional-lock}
 * as Flyway's {@code flyway.postgresql.transactional.lock};</li>
 * <li>{@code spring.datasource.url}, {@code username} and {@code password}: Flyway's
 * {@code dataSource(url, user, password)} and the builder's {@code url}, {@code user} and
 * {@code password};</li>
 * <li>{@code spring.datasource.hikari.maximum-pool-size} and {@code connection-timeout}: a
 * {@link SmallPool} of that size given to Flyway as its {@code DataSource}, where the
 * application's pool was Hikari.</li>
 * </ul>
 * A property it cannot make a call of fails the test: nothing is left out quietly. Later
 * values win over earlier ones, as in {@code withPropertyValues}. A failed start prints what
 * failed to {@code System.err}, as an application whose main method it ends does.
 */
public final class PlainBoot {

	private static final Pattern DURATION = Pattern.compile("^([+-]?\\d+)(ns|us|ms|s|m|h|d)?$");

	private final List<String> properties;

	private final List<Consumer<FluentConfiguration>> flywayCustomizers;

	public PlainBoot() {
		this(List.of(), List.of());
	}

	private PlainBoot(List<String> properties, List<Consumer<FluentConfiguration>> flywayCustomizers) {
		this.properties = List.copyOf(properties);
		this.flywayCustomizers = List.copyOf(flywayCustomizers);
	}

	/** The same boot with more {@code key=value} properties. */
	public PlainBoot withPropertyValues(String... properties) {
		List<String> all = new ArrayList<>(this.properties);
		all.addAll(List.of(properties));
		return new PlainBoot(all, this.flywayCustomizers);
	}

	/** The same boot with something the application configures on its Flyway itself (Java migrations, callbacks). */
	public PlainBoot withFlyway(Consumer<FluentConfiguration> customizer) {
		List<Consumer<FluentConfiguration>> all = new ArrayList<>(this.flywayCustomizers);
		all.add(customizer);
		return new PlainBoot(this.properties, all);
	}

	/** Builds the Flyway and the engine, calls {@code migrate(flyway)}, and hands what happened to the assertions. */
	public void run(RunConsumer assertions) {
		Map<String, String> values = values();
		String url = values.remove("spring.datasource.url");
		String user = values.remove("spring.datasource.username");
		String password = values.remove("spring.datasource.password");
		String poolSize = values.remove("spring.datasource.hikari.maximum-pool-size");
		String poolTimeout = values.remove("spring.datasource.hikari.connection-timeout");
		FluentConfiguration configuration = Flyway.configure();
		SmallPool pool = null;
		if (poolSize != null || poolTimeout != null) {
			pool = new SmallPool(url, user, password, (poolSize != null) ? Integer.parseInt(poolSize) : 10,
					(poolTimeout != null) ? Long.parseLong(poolTimeout) : 30_000);
			configuration.dataSource(pool);
		}
		else {
			configuration.dataSource(url, user, password);
		}
		AutobaselineBuilder builder = Autobaseline.builder().url(url).user(user).password(password);
		values.forEach((key, value) -> {
			if (key.startsWith("autobaseline.")) {
				call(builder, AutobaselineBuilder.class, key, key.substring("autobaseline.".length()), value);
			}
			else if (key.startsWith("spring.flyway.postgresql.")) {
				configuration.configuration(Map.of("flyway.postgresql."
						+ key.substring("spring.flyway.postgresql.".length()).replace('-', '.'), value));
			}
			else if (key.startsWith("spring.flyway.")) {
				call(configuration, FluentConfiguration.class, key, key.substring("spring.flyway.".length()), value);
			}
			else {
				throw new IllegalArgumentException("PlainBoot knows no plain call for " + key);
			}
		});
		this.flywayCustomizers.forEach((customizer) -> customizer.accept(configuration));
		Run run;
		try {
			Flyway flyway = null;
			try {
				flyway = configuration.load();
				run = new Run(flyway, builder.build().migrate(flyway), null);
			}
			catch (RuntimeException ex) {
				printFailure(ex);
				run = new Run(flyway, null, new StartupFailure(ex));
			}
			assertions.accept(run);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (pool != null) {
				pool.close();
			}
		}
	}

	/** What a failure that ends an application's main method writes, without the frames: each cause's message. */
	private static void printFailure(Throwable failure) {
		StringBuilder text = new StringBuilder("Exception in thread \"main\" ").append(failure);
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			text.append(System.lineSeparator()).append("Caused by: ").append(cause);
		}
		System.err.println(text);
	}

	private Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		for (String property : this.properties) {
			int equals = property.indexOf('=');
			if (equals < 0) {
				throw new IllegalArgumentException("Not key=value: " + property);
			}
			values.remove(property.substring(0, equals).trim());
			values.put(property.substring(0, equals).trim(), property.substring(equals + 1));
		}
		return values;
	}

	/** Calls the one-argument method named after the property (the String overload first), with the value converted. */
	private static void call(Object target, Class<?> type, String key, String property, String value) {
		String name = camel(property);
		Method method = Arrays.stream(type.getMethods())
			.filter((candidate) -> candidate.getName().equals(name) && candidate.getParameterCount() == 1)
			.min(Comparator.comparingInt((candidate) -> preference(candidate.getParameterTypes()[0])))
			.orElseThrow(() -> new IllegalArgumentException(
					"PlainBoot knows no plain call for " + key + ": " + type.getSimpleName() + " has no " + name + "(...)"));
		try {
			method.invoke(target, convert(value.trim(), method.getParameterTypes()[0], key));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException("PlainBoot could not call " + name + " for " + key + "=" + value,
					ex.getCause());
		}
	}

	private static int preference(Class<?> type) {
		List<Class<?>> order = List.of(String.class, String[].class, boolean.class, int.class, Duration.class, Path.class);
		int index = order.indexOf(type);
		return (index >= 0) ? index : (type.isEnum() ? order.size() : order.size() + 1);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object convert(String value, Class<?> type, String key) {
		if (type == String.class) {
			return value;
		}
		if (type == String[].class) {
			return Arrays.stream(value.split(",")).map(String::trim).filter((part) -> !part.isEmpty()).toArray(String[]::new);
		}
		if (type == boolean.class) {
			if (!value.equals("true") && !value.equals("false")) {
				throw new IllegalArgumentException(key + " is not true or false: " + value);
			}
			return Boolean.parseBoolean(value);
		}
		if (type == int.class) {
			return Integer.parseInt(value);
		}
		if (type == Duration.class) {
			return duration(value, key);
		}
		if (type == Path.class) {
			return Path.of(value);
		}
		if (type.isEnum()) {
			return Enum.valueOf((Class<? extends Enum>) type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		throw new IllegalArgumentException("PlainBoot cannot turn " + key + "=" + value + " into a " + type.getName());
	}

	/** A duration as Spring Boot reads one: a number and an optional unit, milliseconds by default. */
	private static Duration duration(String value, String key) {
		Matcher matcher = DURATION.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(key + " is not a duration such as 500ms, 5s or 2m: " + value);
		}
		long amount = Long.parseLong(matcher.group(1));
		ChronoUnit unit = switch ((matcher.group(2) != null) ? matcher.group(2) : "ms") {
			case "ns" -> ChronoUnit.NANOS;
			case "us" -> ChronoUnit.MICROS;
			case "s" -> ChronoUnit.SECONDS;
			case "m" -> ChronoUnit.MINUTES;
			case "h" -> ChronoUnit.HOURS;
			case "d" -> ChronoUnit.DAYS;
			default -> ChronoUnit.MILLIS;
		};
		return Duration.of(amount, unit);
	}

	/** {@code replay.allow-cluster-statements} to {@code replayAllowClusterStatements}. */
	static String camel(String property) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : property.toCharArray()) {
			if (c == '.' || c == '-') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

	/** The assertions on one boot; they may throw, as a test does. */
	@FunctionalInterface
	public interface RunConsumer {

		void accept(Run run) throws Throwable;

	}

	/**
	 * One boot: the report of {@code migrate(flyway)}, or the failure of the start, wrapped as a
	 * failed Spring context wraps what failed, so that the root cause and the causes read alike.
	 */
	public static final class Run implements AssertProvider<RunAssert> {

		private final Flyway flyway;

		private final AdoptionReport report;

		private final Throwable startupFailure;

		private Run(Flyway flyway, AdoptionReport report, Throwable startupFailure) {
			this.flyway = flyway;
			this.report = report;
			this.startupFailure = startupFailure;
		}

		public boolean hasFailed() {
			return this.startupFailure != null;
		}

		/** What stopped the start (its cause is what {@code load()} or {@code migrate(flyway)} threw), or {@code null}. */
		public Throwable getStartupFailure() {
			return this.startupFailure;
		}

		/** The report {@code migrate(flyway)} returned. */
		public AdoptionReport report() {
			if (this.startupFailure != null) {
				throw new IllegalStateException("The boot failed: no report", this.startupFailure);
			}
			return this.report;
		}

		/** The application's Flyway, or {@code null} when its configuration could not be loaded. */
		public Flyway flyway() {
			return this.flyway;
		}

		@Override
		public RunAssert assertThat() {
			return new RunAssert(this);
		}

	}

	/** {@code assertThat(run).hasFailed()} and {@code hasNotFailed()}, as for a Spring context. */
	public static final class RunAssert extends AbstractAssert<RunAssert, Run> {

		private RunAssert(Run actual) {
			super(actual, RunAssert.class);
		}

		public RunAssert hasFailed() {
			isNotNull();
			if (!this.actual.hasFailed()) {
				failWithMessage("Expected the boot to fail, but it did not: %s", this.actual.report().summary());
			}
			return this;
		}

		public RunAssert hasNotFailed() {
			isNotNull();
			if (this.actual.hasFailed()) {
				StringWriter trace = new StringWriter();
				this.actual.getStartupFailure().printStackTrace(new PrintWriter(trace));
				failWithMessage("Expected the boot not to fail, but it failed:%n%s", trace);
			}
			return this;
		}

	}

	/** A failed start: its cause is what the application's Flyway or the engine threw. */
	static final class StartupFailure extends RuntimeException {

		private StartupFailure(Throwable cause) {
			super("The application failed to start: " + cause, cause);
		}

	}

}
