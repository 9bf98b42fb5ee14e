package dev.autobaseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of an earlier report kept in this run's ({@code --merge-from DIR}): those of sections and
 * engines this run does not measure, each still tied to the run (date, commit, load) it came from,
 * so that one engine can be measured again without running the others. Reads {@code report.json}
 * as written now (a list of runs) or before merging existed (one environment), and keeps the
 * hand-written analysis at the end of {@code REPORT.md}.
 */
final class ReportMerge {

	/** Where the hand-written part of a report starts. */
	static final String ANALYSIS_HEADING = "## Analysis";

	private static final Set<String> FIELDS = Set.of("section", "engine", "case", "run", "samples");

	private ReportMerge() {
	}

	static void keepEarlier(Report report, Path folder) throws IOException {
		Path json = folder.resolve("report.json");
		if (!Files.isRegularFile(json)) {
			throw new IllegalArgumentException("--merge-from " + folder + " has no report.json to merge");
		}
		keepEarlier(report, Files.readString(json));
		Path markdown = folder.resolve("REPORT.md");
		if (Files.isRegularFile(markdown)) {
			String text = Files.readString(markdown);
			int analysis = ("\n" + text).indexOf("\n" + ANALYSIS_HEADING);
			if (analysis >= 0) {
				report.appendix(text.substring(analysis));
			}
		}
	}

	@SuppressWarnings("unchecked")
	static void keepEarlier(Report report, String json) {
		Map<String, Object> root = JsonMapper.builder().build().readValue(json, Map.class);
		List<Report.Run> runs = new ArrayList<>();
		if (root.get("runs") instanceof List<?> listed) {
			for (Object run : listed) {
				runs.add(new Report.Run(new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) run).get("environment"))));
			}
		}
		else {
			// A report from before merging: one run.
			runs.add(new Report.Run(new LinkedHashMap<>((Map<String, Object>) root.get("environment"))));
		}
		List<List<Report.Result>> rowsOfRun = new ArrayList<>();
		runs.forEach((run) -> rowsOfRun.add(new ArrayList<>()));
		for (Object item : (List<Object>) root.get("results")) {
			Map<String, Object> fields = (Map<String, Object>) item;
			int run = (fields.get("run") instanceof Number number) ? number.intValue() - 1 : 0;
			rowsOfRun.get(run).add(result(fields, runs.get(run)));
		}
		// The last run first: each keepEarlier lists its run before those kept so far.
		for (int i = runs.size() - 1; i >= 0; i--) {
			report.keepEarlier(runs.get(i), rowsOfRun.get(i));
		}
	}

	@SuppressWarnings("unchecked")
	private static Report.Result result(Map<String, Object> fields, Report.Run run) {
		Report.Result result = new Report.Result((String) fields.get("section"), (String) fields.get("engine"),
				(String) fields.get("case"), run);
		((Map<String, Object>) fields.get("samples")).forEach((name, figures) -> {
			Sample sample = new Sample();
			for (Object millis : (List<Object>) ((Map<String, Object>) figures).get("runsMs")) {
				sample.addMillis(((Number) millis).doubleValue());
			}
			result.sample(name, sample);
		});
		fields.forEach((name, value) -> {
			if (!FIELDS.contains(name)) {
				result.value(name, value);
			}
		});
		return result;
	}

}
