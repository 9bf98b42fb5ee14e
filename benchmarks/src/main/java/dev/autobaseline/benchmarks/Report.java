package dev.autobaseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the harness measured, written as Markdown for people and JSON for tools, with
 * the rows it kept from earlier runs ({@link ReportMerge}), each row tied to the run it came from.
 */
final class Report {

	private final Run current = new Run(new LinkedHashMap<>());

	/** Every run with rows in this report, earlier ones first. */
	private final List<Run> runs = new ArrayList<>(List.of(this.current));

	private final List<Result> results = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	/** Hand-written text of earlier reports, kept after the generated sections. */
	private final List<String> appendix = new ArrayList<>();

	/** One run of the harness: where, when and at which commit its rows were measured. */
	record Run(Map<String, Object> environment) {

		/** For the sections of a merged report: date, commit and load of the run. */
		String provenance() {
			return this.environment.get("date") + ", commit " + this.environment.get("autobaseline commit") + ", load "
					+ this.environment.get("load average at start (1, 5, 15 min)") + " -> "
					+ this.environment.get("load average at end (1, 5, 15 min)");
		}

	}

	/** One measured case: its samples, derived figures and, where there is one, its target. */
	static final class Result {

		final String section;

		final String engine;

		final String label;

		final Run run;

		final Map<String, Sample> samples = new LinkedHashMap<>();

		final Map<String, Object> values = new LinkedHashMap<>();

		Result(String section, String engine, String label, Run run) {
			this.section = section;
			this.engine = engine;
			this.label = label;
			this.run = run;
		}

		Result sample(String name, Sample sample) {
			this.samples.put(name, sample);
			return this;
		}

		Result value(String name, Object value) {
			this.values.put(name, value);
			return this;
		}

		/** A figure against its target: {@code value <= limit} is met. */
		Result target(String name, double value, double limit) {
			this.values.put(name, round(value, 3));
			this.values.put(name + "Target", limit);
			this.values.put(name + "Met", value <= limit);
			return this;
		}

		Object get(String name) {
			return this.values.get(name);
		}

	}

	void environment(String name, Object value) {
		this.current.environment().put(name, value);
	}

	void note(String note) {
		this.notes.add(note);
	}

	Result add(String section, String engine, String label) {
		Result result = new Result(section, engine, label, this.current);
		this.results.add(result);
		return result;
	}

	List<Result> results() {
		return this.results;
	}

	/** The runs with rows in this report, earlier ones first. */
	List<Run> runs() {
		return this.runs.stream().filter((run) -> this.results.stream().anyMatch((result) -> result.run == run)).toList();
	}

	/**
	 * Keeps the rows of an earlier run whose section and engine this report has none of: a row
	 * measured now, or kept before, replaces the earlier one. The run is listed before those kept
	 * so far.
	 */
	void keepEarlier(Run run, List<Result> earlier) {
		List<Result> kept = earlier.stream()
			.filter((old) -> this.results.stream()
				.noneMatch((result) -> result.section.equals(old.section) && result.engine.equals(old.engine)))
			.toList();
		if (kept.isEmpty()) {
			return;
		}
		this.runs.add(0, run);
		this.results.addAll(kept);
		// Engine by engine, in the harness's order; within an engine as measured.
		this.results.sort(java.util.Comparator.comparingInt((Result result) -> engineOrder(result.engine)));
	}

	private static int engineOrder(String engine) {
		int index = Options.ALL_ENGINES.indexOf(engine);
		return (index >= 0) ? index : Options.ALL_ENGINES.size();
	}

	/** The engines a run's rows are of, in the order of the report. */
	List<String> engines(Run run) {
		return this.results.stream().filter((result) -> result.run == run).map((result) -> result.engine).distinct().toList();
	}

	void appendix(String text) {
		if (!this.appendix.contains(text)) {
			this.appendix.add(text);
		}
	}

	void write(Path folder, String markdownName, String jsonName) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve(jsonName), json());
		Files.writeString(folder.resolve(markdownName),
				new ReportMarkdown(runs(), this.results, this.notes, this.appendix).render());
	}

	String json() {
		Map<String, Object> root = new LinkedHashMap<>();
		List<Run> runs = runs();
		List<Object> runList = new ArrayList<>();
		for (Run run : runs) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("engines", engines(run));
			item.put("environment", run.environment());
			runList.add(item);
		}
		root.put("runs", runList);
		List<Object> list = new ArrayList<>();
		for (Result result : this.results) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("section", result.section);
			item.put("engine", result.engine);
			item.put("case", result.label);
			item.put("run", runs.indexOf(result.run) + 1);
			Map<String, Object> samples = new LinkedHashMap<>();
			result.samples.forEach((name, sample) -> {
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("medianMs", round(sample.median(), 3));
				figures.put("minMs", round(sample.min(), 3));
				figures.put("maxMs", round(sample.max(), 3));
				figures.put("runsMs", sample.values().stream().map((value) -> round(value, 3)).toList());
				samples.put(name, figures);
			});
			item.put("samples", samples);
			item.putAll(result.values);
			list.add(item);
		}
		root.put("results", list);
		root.put("notes", this.notes);
		StringBuilder out = new StringBuilder();
		write(out, root, "");
		return out.append('\n').toString();
	}

	static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

	@SuppressWarnings("unchecked")
	private static void write(StringBuilder out, Object value, String indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append("{\n");
			int i = 0;
			for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
				out.append(indent).append("  ");
				string(out, entry.getKey());
				out.append(": ");
				write(out, entry.getValue(), indent + "  ");
				out.append((++i < map.size()) ? ",\n" : "\n");
			}
			out.append(indent).append('}');
		}
		else if (value instanceof List<?> list) {
			boolean simple = list.stream().allMatch((item) -> item instanceof Number);
			if (simple) {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					out.append((i > 0) ? ", " : "");
					write(out, list.get(i), indent);
				}
				out.append(']');
				return;
			}
			out.append("[\n");
			for (int i = 0; i < list.size(); i++) {
				out.append(indent).append("  ");
				write(out, list.get(i), indent + "  ");
				out.append((i + 1 < list.size()) ? ",\n" : "\n");
			}
			out.append(indent).append(']');
		}
		else if (value instanceof Double number) {
			out.append(String.format(Locale.ROOT, "%s", number));
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			string(out, value.toString());
		}
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
