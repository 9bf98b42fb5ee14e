package dev.autobaseline.scenario;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Captures what each test writes to {@code System.out} and {@code System.err} while still
 * writing it there, as Spring Boot's {@code OutputCaptureExtension} does, and hands it to a test
 * that takes a {@link CapturedOutput} parameter. The engine and Flyway log through Logback's
 * console appender in these tests, which writes to whatever {@code System.out} is at the time.
 */
public final class OutputCaptureExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(OutputCaptureExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		CapturedOutput output = new CapturedOutput();
		Capture capture = new Capture(output, System.out, System.err);
		context.getStore(NAMESPACE).put(Capture.class, capture);
		System.setOut(tee(capture.out(), output));
		System.setErr(tee(capture.err(), output));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Capture capture = context.getStore(NAMESPACE).remove(Capture.class, Capture.class);
		if (capture != null) {
			System.out.flush();
			System.err.flush();
			System.setOut(capture.out());
			System.setErr(capture.err());
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == CapturedOutput.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getStore(NAMESPACE).get(Capture.class, Capture.class).output();
	}

	private static PrintStream tee(PrintStream original, CapturedOutput output) {
		OutputStream both = new OutputStream() {

			@Override
			public void write(int b) {
				original.write(b);
				synchronized (output.sink()) {
					output.sink().write(b);
				}
			}

			@Override
			public void write(byte[] b, int off, int len) {
				original.write(b, off, len);
				synchronized (output.sink()) {
					output.sink().write(b, off, len);
				}
			}

			@Override
			public void flush() {
				original.flush();
			}

		};
		return new PrintStream(both, true, Charset.defaultCharset());
	}

	private record Capture(CapturedOutput output, PrintStream out, PrintStream err) {
	}

}
