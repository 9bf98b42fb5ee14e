package dev.autobaseline.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The timings of several runs of one measurement, in milliseconds, with their median, min and max.
 */
final class Sample {

	private final List<Double> millis = new ArrayList<>();

	void add(long nanos) {
		this.millis.add(nanos / 1_000_000.0);
	}

	void addMillis(double millis) {
		this.millis.add(millis);
	}

	List<Double> values() {
		return List.copyOf(this.millis);
	}

	int size() {
		return this.millis.size();
	}

	double median() {
		List<Double> sorted = sorted();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	double min() {
		return sorted().get(0);
	}

	double max() {
		List<Double> sorted = sorted();
		return sorted.get(sorted.size() - 1);
	}

	private List<Double> sorted() {
		if (this.millis.isEmpty()) {
			throw new IllegalStateException("no runs");
		}
		List<Double> sorted = new ArrayList<>(this.millis);
		Collections.sort(sorted);
		return sorted;
	}

	/** Element-wise sum of samples taken in the same runs (a floor made of two parts). */
	static Sample sum(Sample a, Sample b) {
		Sample sum = new Sample();
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			sum.addMillis(a.millis.get(i) + b.millis.get(i));
		}
		return sum;
	}

	/** Element-wise difference of samples taken in the same runs (paired: ours minus plain). */
	static Sample difference(Sample a, Sample b) {
		Sample difference = new Sample();
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			difference.addMillis(a.millis.get(i) - b.millis.get(i));
		}
		return difference;
	}

}
