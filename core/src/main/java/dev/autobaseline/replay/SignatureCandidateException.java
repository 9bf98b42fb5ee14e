package dev.autobaseline.replay;

import java.util.function.UnaryOperator;

import dev.autobaseline.dialect.HostNamed;

/**
 * A version read only as a signature turned out to match the database at the match level, once
 * the replay's end showed what counts (a repeatable migration that owns an object, say): it cannot
 * be ranked against the other candidates. Detection replays again with every version read in
 * full.
 */
public class SignatureCandidateException extends IllegalStateException implements HostNamed {

	private transient UnaryOperator<String> naming = UnaryOperator.identity();

	private final transient ReplayedVersion version;

	SignatureCandidateException(ReplayedVersion version, String level) {
		super("Flyway Autobaseline read only a signature of " + version.label() + ", which matches the database at "
				+ level + " level: it cannot be ranked against the other candidates without its full catalog");
		this.version = version;
	}

	/** The version read as a signature. */
	public ReplayedVersion getVersion() {
		return this.version;
	}

	@Override
	public void nameFor(UnaryOperator<String> naming) {
		this.naming = naming;
	}

	@Override
	public String getMessage() {
		return this.naming.apply(super.getMessage());
	}

}
