package dev.autobaseline.autoconfigure;

import dev.autobaseline.engine.AdoptionRefusedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refusal into Spring Boot's Description / Action report instead of a stack trace.
 */
class AdoptionRefusedFailureAnalyzer extends AbstractFailureAnalyzer<AdoptionRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AdoptionRefusedException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
