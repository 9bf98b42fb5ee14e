package dev.autobaseline.sample;

/** An amount one person paid towards a meal. */
public record Expense(String id, String mealId, String paidBy, long amountCents, String currency, String note) {
}
