package dev.autobaseline.scenario;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * What a test wrote to {@code System.out} and {@code System.err}, the engine's and Flyway's log
 * lines among it, as the core's stand-in for Spring Boot's {@code CapturedOutput}: read it as a
 * {@code CharSequence} ({@code assertThat(output).contains(...)}) or with {@link #toString()}.
 * {@link OutputCaptureExtension} fills it.
 */
public final class CapturedOutput implements CharSequence {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	CapturedOutput() {
	}

	ByteArrayOutputStream sink() {
		return this.bytes;
	}

	@Override
	public int length() {
		return toString().length();
	}

	@Override
	public char charAt(int index) {
		return toString().charAt(index);
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return toString().subSequence(start, end);
	}

	@Override
	public String toString() {
		synchronized (this.bytes) {
			return this.bytes.toString(Charset.defaultCharset());
		}
	}

}
