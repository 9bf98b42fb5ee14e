package dev.autobaseline.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The REST API: people, meals, their guests, expenses and balances. */
@RestController
class ExpenseController {

	private final ExpenseBook book;

	ExpenseController(ExpenseBook book) {
		this.book = book;
	}

	@GetMapping("/people")
	List<Person> people() {
		return this.book.people();
	}

	@PostMapping("/people")
	@ResponseStatus(HttpStatus.CREATED)
	Person addPerson(@RequestBody NewPerson person) {
		return this.book.addPerson(required(person.name(), "name"));
	}

	@GetMapping("/meals")
	List<Meal> meals() {
		return this.book.meals();
	}

	@GetMapping("/meals/{id}")
	Meal meal(@PathVariable String id) {
		return this.book.meal(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meal with id " + id));
	}

	@PostMapping("/meals")
	@ResponseStatus(HttpStatus.CREATED)
	Meal addMeal(@RequestBody NewMeal meal) {
		List<String> guestIds = (meal.guestIds() != null) ? meal.guestIds() : List.of();
		guestIds.forEach(this::requirePerson);
		LocalDate eatenOn = (meal.eatenOn() != null) ? meal.eatenOn() : LocalDate.now();
		return this.book.addMeal(required(meal.title(), "title"), eatenOn, guestIds);
	}

	@PutMapping("/meals/{id}/guests/{personId}")
	Meal addGuest(@PathVariable String id, @PathVariable String personId) {
		meal(id);
		requirePerson(personId);
		this.book.addGuest(id, personId);
		return meal(id);
	}

	@GetMapping("/expenses")
	List<Expense> expenses() {
		return this.book.expenses();
	}

	@PostMapping("/expenses")
	@ResponseStatus(HttpStatus.CREATED)
	Expense addExpense(@RequestBody NewExpense expense) {
		if (this.book.meal(required(expense.mealId(), "mealId")).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No meal with id " + expense.mealId());
		}
		requirePerson(required(expense.paidBy(), "paidBy"));
		if (expense.amountCents() == null || expense.amountCents() <= 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "amountCents must be a positive number");
		}
		String currency = (expense.currency() != null) ? expense.currency().toUpperCase(Locale.ROOT) : "EUR";
		if (!currency.matches("[A-Z]{3}")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "currency must be a three-letter code");
		}
		return this.book.addExpense(expense.mealId(), expense.paidBy(), expense.amountCents(), currency,
				expense.note());
	}

	@GetMapping("/balances")
	List<Balance> balances() {
		return Balances.of(this.book.people(), this.book.meals(), this.book.expenses());
	}

	private void requirePerson(String id) {
		if (!this.book.personExists(id)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No person with id " + id);
		}
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is required");
		}
		return value.strip();
	}

	record NewPerson(String name) {
	}

	record NewMeal(String title, LocalDate eatenOn, List<String> guestIds) {
	}

	record NewExpense(String mealId, String paidBy, Long amountCents, String currency, String note) {
	}

}
