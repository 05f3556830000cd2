package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The frame of the rules about destructive clauses: one violation per clause of the rule's kinds, located at
 * the clause; clauses written at one place ({@code DROP TABLE a, b}) make one violation naming them all.
 * Clauses about scratch tables (created by the script, temporary) are left out.
 */
abstract class ClauseRule implements Rule {

    /** The kinds of clause this rule judges. */
    abstract Set<ClauseKind> kinds();

    /** The message about {@code group}: clauses of one kind written at one place, never empty. */
    abstract String message(List<DestructiveClause> group);

    /**
     * The message about {@code group} given what the replay knows, or empty when the schema shows the clause
     * loses nothing.
     */
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        return Optional.of(message(group));
    }

    /** True when the replay shows that {@code clause} loses nothing, so it is no part of any violation. */
    boolean losesNothing(DestructiveClause clause, SchemaFacts schema) {
        return false;
    }

    /** True when {@code clause}, read in its statement's dialect or through the replay, changes nothing. */
    boolean losesNothing(DestructiveClause clause, StatementModel statement, SchemaFacts schema) {
        return losesNothing(clause, schema);
    }

    @Override
    public final List<Violation> check(StatementModel statement) {
        return check(statement, SchemaFacts.UNKNOWN);
    }

    @Override
    public final List<Violation> check(StatementModel statement, SchemaFacts schema) {
        if (statement.clauses().isEmpty()) {
            return List.of(); // most statements destroy nothing: no map, no list
        }
        Set<ClauseKind> kinds = kinds();
        Map<Place, List<DestructiveClause>> groups = new LinkedHashMap<>();
        for (DestructiveClause clause : statement.clauses()) {
            if (kinds.contains(clause.kind()) && !clause.scratch() && !losesNothing(clause, statement, schema)) {
                groups.computeIfAbsent(new Place(clause.kind(), clause.at()), key -> new ArrayList<>()).add(clause);
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (List<DestructiveClause> group : groups.values()) {
            Location at = group.get(0).at();
            message(group, statement, schema).ifPresent(message -> violations.add(new Violation(
                    withOnlyCopy(message, group.stream().map(DestructiveClause::table).toList(), statement), at,
                    names(group))));
        }
        return violations;
    }

    /** Where clauses of one kind are written: the clauses written there make one violation. */
    private record Place(ClauseKind kind, Location at) {

        // Written out: the generated equals and hashCode cost a JVM that has not warmed up a method handle chain
        // each, and every statement with destructive clauses groups them by place.
        @Override
        public boolean equals(Object other) {
            return other instanceof Place that && kind == that.kind && at.equals(that.at);
        }

        @Override
        public int hashCode() {
            return kind.ordinal() * 31 + at.hashCode();
        }
    }

    /**
     * The message, and why a table the script created is no scratch table: {@code ": orders_tmp holds the only copy
     * of column note of orders, which line 4 drops"}.
     */
    static String withOnlyCopy(String message, List<String> tables, StatementModel statement) {
        if (statement.onlyCopies().isEmpty()) {
            return message;
        }
        return tables.stream().filter(table -> table != null && statement.onlyCopies().containsKey(table)).findFirst()
                .map(table -> message + ": " + table + " holds the only copy of " + statement.onlyCopies().get(table))
                .orElse(message);
    }

    /** The names of the clauses of a group, without the missing ones. */
    static List<String> names(List<DestructiveClause> group) {
        return group.stream().map(DestructiveClause::name).filter(Objects::nonNull).toList();
    }

    /** {@code "table orders"} or {@code "tables a, b"}. */
    static String counted(String singular, String plural, List<String> names) {
        return (names.size() == 1 ? singular : plural) + " " + String.join(", ", names);
    }

    /** "it" for one, "them" for several. */
    static String itOrThem(List<?> names) {
        return names.size() > 1 ? "them" : "it";
    }
}
