package dev.autobaseline.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The tables behind the API, read and written with {@link JdbcClient}. */
@Repository
public class ExpenseBook {

	private final JdbcClient jdbc;

	public ExpenseBook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Person> people() {
		return this.jdbc.sql("SELECT id, name FROM person ORDER BY name, id").query(Person.class).list();
	}

	public boolean personExists(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM person WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	public Person addPerson(String name) {
		Person person = new Person(newId(), name);
		this.jdbc.sql("INSERT INTO person (id, name) VALUES (?, ?)").params(person.id(), person.name()).update();
		return person;
	}

	public List<Meal> meals() {
		Map<String, List<String>> guests = guestsByMeal();
		return this.jdbc.sql("SELECT id, title, eaten_on FROM meal ORDER BY eaten_on, id")
			.query((rs, row) -> new Meal(rs.getString("id"), rs.getString("title"),
					rs.getObject("eaten_on", LocalDate.class), guests.getOrDefault(rs.getString("id"), List.of())))
			.list();
	}

	public Optional<Meal> meal(String id) {
		return meals().stream().filter((meal) -> meal.id().equals(id)).findFirst();
	}

	@Transactional
	public Meal addMeal(String title, LocalDate eatenOn, List<String> guestIds) {
		String id = newId();
		this.jdbc.sql("INSERT INTO meal (id, title, eaten_on) VALUES (?, ?, ?)").params(id, title, eatenOn).update();
		guestIds.stream().distinct().forEach((personId) -> addGuest(id, personId));
		return new Meal(id, title, eatenOn, guestIds.stream().distinct().sorted().toList());
	}

	public void addGuest(String mealId, String personId) {
		this.jdbc.sql("""
				INSERT INTO meal_guest (meal_id, person_id)
				SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM meal_guest WHERE meal_id = ? AND person_id = ?)
				""").params(mealId, personId, mealId, personId).update();
	}

	public List<Expense> expenses() {
		return this.jdbc
			.sql("SELECT id, meal_id, paid_by, amount_cents, currency, note FROM expense ORDER BY meal_id, id")
			.query(Expense.class)
			.list();
	}

	public Expense addExpense(String mealId, String paidBy, long amountCents, String currency, String note) {
		Expense expense = new Expense(newId(), mealId, paidBy, amountCents, currency, note);
		this.jdbc.sql("""
				INSERT INTO expense (id, meal_id, paid_by, amount_cents, currency, note)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(expense.id(), mealId, paidBy, amountCents, currency, note).update();
		return expense;
	}

	private Map<String, List<String>> guestsByMeal() {
		Map<String, List<String>> guests = new LinkedHashMap<>();
		this.jdbc.sql("SELECT meal_id, person_id FROM meal_guest ORDER BY meal_id, person_id")
			.query((rs) -> {
				guests.computeIfAbsent(rs.getString("meal_id"), (meal) -> new ArrayList<>())
					.add(rs.getString("person_id"));
			});
		return guests;
	}

	private static String newId() {
		return UUID.randomUUID().toString();
	}

}
