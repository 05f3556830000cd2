package io.github.sqlguard.rules;

import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.StandIns;
import java.util.List;

/**
 * What a rule reports before configuration and context turn it into a {@code Finding}.
 *
 * @param message what is wrong, naming the table or column, e.g.
 *     {@code "DELETE without WHERE removes every row of customers"}
 * @param at where it is written: the clause, the keyword or the statement
 * @param subjects the objects it is about as written (the dropped columns or tables of a clause), so that a
 *     guard protecting only some of a statement's objects lowers only the findings about those; empty when
 *     the violation is about the statement as a whole
 */
public record Violation(String message, Location at, List<String> subjects) {

    public Violation {
        message = StandIns.shown(message);
        subjects = List.copyOf(subjects);
    }

    public Violation(String message, Location at) {
        this(message, at, List.of());
    }
}
