package io.github.sqlguard.rules;

/**
 * What a rule reports before configuration and context turn it into a {@code Finding}.
 *
 * @param message what is wrong, naming the table or column, e.g.
 *     {@code "DELETE without WHERE removes every row of customers"}
 */
public record Violation(String message) {
}
