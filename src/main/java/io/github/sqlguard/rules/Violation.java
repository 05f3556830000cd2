package io.github.sqlguard.rules;

import io.github.sqlguard.model.Location;

/**
 * What a rule reports before configuration and context turn it into a {@code Finding}.
 *
 * @param message what is wrong, naming the table or column, e.g.
 *     {@code "DELETE without WHERE removes every row of customers"}
 * @param at where it is written: the clause, the keyword or the statement
 */
public record Violation(String message, Location at) {
}
