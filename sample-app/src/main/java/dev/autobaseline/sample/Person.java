package dev.autobaseline.sample;

/** Someone who eats and pays. */
public record Person(String id, String name) {
}
