package dev.autobaseline.sample;

import java.time.LocalDate;
import java.util.List;

/** A meal and the people who were at it. */
public record Meal(String id, String title, LocalDate eatenOn, List<String> guestIds) {
}
