package dev.autobaseline.sample;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BalancesTests {

	private static final List<Person> PEOPLE = List.of(new Person("a", "Ann"), new Person("b", "Ben"),
			new Person("c", "Cleo"));

	@Test
	void expenseIsSplitEquallyAmongTheMealsGuests() {
		List<Meal> meals = List.of(new Meal("m", "Tacos", LocalDate.of(2025, 5, 1), List.of("a", "b", "c")));
		List<Expense> expenses = List.of(new Expense("e", "m", "a", 900, "EUR", null));
		assertThat(Balances.of(PEOPLE, meals, expenses)).extracting(Balance::name, Balance::paidCents,
				Balance::shareCents, Balance::balanceCents)
			.containsExactly(tuple("Ann", 900L, 300L, 600L), tuple("Ben", 0L, 300L, -300L),
					tuple("Cleo", 0L, 300L, -300L));
	}

	@Test
	void centsThatDoNotDivideGoToTheFirstGuestsByIdSoSharesAddUpToTheAmount() {
		List<Meal> meals = List.of(new Meal("m", "Tacos", LocalDate.of(2025, 5, 1), List.of("c", "b", "a")));
		List<Expense> expenses = List.of(new Expense("e", "m", "c", 1001, "EUR", null));
		assertThat(Balances.of(PEOPLE, meals, expenses)).extracting(Balance::name, Balance::shareCents)
			.containsExactly(tuple("Ann", 334L), tuple("Ben", 334L), tuple("Cleo", 333L));
	}

	@Test
	void mealWithoutGuestsIsThePayersAlone() {
		List<Meal> meals = List.of(new Meal("m", "Brunch", LocalDate.of(2024, 3, 3), List.of()));
		List<Expense> expenses = List.of(new Expense("e", "m", "b", 3150, "EUR", null));
		assertThat(Balances.of(PEOPLE, meals, expenses)).extracting(Balance::name, Balance::balanceCents)
			.containsExactly(tuple("Ben", 0L));
	}

	@Test
	void currenciesAreNeverAddedTogether() {
		List<Meal> meals = List.of(new Meal("m", "Tacos", LocalDate.of(2025, 5, 1), List.of("a", "b")));
		List<Expense> expenses = List.of(new Expense("e1", "m", "a", 1000, "EUR", null),
				new Expense("e2", "m", "b", 500, "USD", null));
		assertThat(Balances.of(PEOPLE, meals, expenses)).extracting(Balance::name, Balance::currency,
				Balance::balanceCents)
			.containsExactly(tuple("Ann", "EUR", 500L), tuple("Ben", "EUR", -500L), tuple("Ann", "USD", -250L),
					tuple("Ben", "USD", 250L));
	}

}
