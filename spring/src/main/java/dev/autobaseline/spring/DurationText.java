package dev.autobaseline.spring;

import java.time.Duration;

/**
 * A duration as a person writes it in a property: {@code 10m}, {@code 60s}, {@code 250ms}.
 */
final class DurationText {

	private DurationText() {
	}

	static String of(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.toMillis() % 3_600_000 == 0) {
			return duration.toHours() + "h";
		}
		if (duration.toMillis() % 60_000 == 0) {
			return duration.toMinutes() + "m";
		}
		if (duration.toMillis() % 1_000 == 0) {
			return duration.toSeconds() + "s";
		}
		return duration.toMillis() + "ms";
	}

}
