package dev.autobaseline.dialect;

import java.util.function.UnaryOperator;

/**
 * An error whose text names what the user sets. The texts are written in Spring Boot's terms;
 * before such an error leaves the engine, the host's naming is handed to it.
 */
public interface HostNamed {

	/** Names what the user sets as {@code naming} does, in {@code getMessage()} and every text. */
	void nameFor(UnaryOperator<String> naming);

}
