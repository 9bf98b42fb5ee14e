package dev.autobaseline.sample;

/**
 * What one person paid and what their share was, in one currency. A positive
 * balance is owed to them; a negative one they owe.
 */
public record Balance(String personId, String name, String currency, long paidCents, long shareCents,
		long balanceCents) {

	static Balance of(String personId, String name, String currency, long paidCents, long shareCents) {
		return new Balance(personId, name, currency, paidCents, shareCents, paidCents - shareCents);
	}

}
