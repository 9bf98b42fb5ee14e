package dev.autobaseline.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Splits every expense equally among the guests of its meal and adds up, per
 * person and currency, what they paid and what their share was. A meal
 * without guests is the payer's alone. Cents that do not divide go one each to
 * the first guests by id, so shares always add up to the amount.
 */
final class Balances {

	private Balances() {
	}

	static List<Balance> of(List<Person> people, List<Meal> meals, List<Expense> expenses) {
		Map<String, Meal> mealsById = meals.stream().collect(Collectors.toMap(Meal::id, Function.identity()));
		Map<String, long[]> totals = new LinkedHashMap<>();
		for (Expense expense : expenses) {
			total(totals, expense.paidBy(), expense.currency())[0] += expense.amountCents();
			List<String> guests = guestsOf(mealsById.get(expense.mealId()), expense.paidBy());
			long share = expense.amountCents() / guests.size();
			long remainder = expense.amountCents() % guests.size();
			for (int i = 0; i < guests.size(); i++) {
				total(totals, guests.get(i), expense.currency())[1] += share + ((i < remainder) ? 1 : 0);
			}
		}
		Map<String, String> names = people.stream().collect(Collectors.toMap(Person::id, Person::name));
		List<Balance> balances = new ArrayList<>();
		totals.forEach((key, paidAndShare) -> {
			String[] personAndCurrency = key.split(" ", 2);
			balances.add(Balance.of(personAndCurrency[0], names.get(personAndCurrency[0]), personAndCurrency[1],
					paidAndShare[0], paidAndShare[1]));
		});
		balances.sort(Comparator.comparing(Balance::currency)
			.thenComparing(Balance::name, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Balance::personId));
		return balances;
	}

	private static List<String> guestsOf(Meal meal, String payer) {
		if (meal == null || meal.guestIds().isEmpty()) {
			return List.of(payer);
		}
		return meal.guestIds().stream().sorted().toList();
	}

	private static long[] total(Map<String, long[]> totals, String personId, String currency) {
		return totals.computeIfAbsent(personId + " " + currency, (key) -> new long[2]);
	}

}
