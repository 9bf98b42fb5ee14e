package dev.autobaseline.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SLF4J on the class path (Logback here, as under Spring Boot), the engine's lines reach it
 * at their own levels, DEBUG included.
 */
class EngineLogTests {

	private final Logger backend = (Logger) LoggerFactory.getLogger(EngineLogTests.class);

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	@BeforeEach
	void listen() {
		this.events.start();
		this.backend.addAppender(this.events);
	}

	@AfterEach
	void stopListening() {
		this.backend.detachAppender(this.events);
		this.backend.setLevel(null);
	}

	@Test
	void debugIsWrittenWhenTheLoggerIsAtDebugAndNotOtherwise() {
		EngineLog log = EngineLog.of(EngineLogTests.class);
		this.backend.setLevel(Level.INFO);
		assertThat(log.isDebugEnabled()).isFalse();
		log.debug("hidden");
		this.backend.setLevel(Level.DEBUG);
		assertThat(log.isDebugEnabled()).isTrue();
		log.debug("shown");
		log.info("an info line");
		log.warn("a warning");
		assertThat(this.events.list).extracting((event) -> event.getLevel() + " " + event.getFormattedMessage())
			.containsExactly("DEBUG shown", "INFO an info line", "WARN a warning");
	}

}
