package io.github.sqlguard.sql;

import java.util.List;

/**
 * Walks the places where a script or block names one variable, for facts that hold only when every assignment of
 * it gives them ({@link NumericVariables}, {@link CatalogueNames}). An assignment by context ({@code SELECT .. INTO
 * v}, an {@code OUT} argument, a {@code FETCH}) gives a value nobody can read from the text, so it settles the
 * question: the fact does not hold.
 */
final class EveryAssignment {

    /** What one place that names the variable says. */
    enum Verdict { NOT_AN_ASSIGNMENT, HOLDS, FAILS }

    /** Judges the place at {@code index} of {@code scope}, where {@code before} is the token before it (or null). */
    @FunctionalInterface
    interface Judge {
        Verdict at(List<Token> scope, int index, Token before);

        /**
         * Judges an assignment by context at {@code index} ({@code SELECT item INTO v}); by default it settles that
         * the fact does not hold.
         */
        default Verdict byContext(List<Token> scope, int index) {
            return Verdict.FAILS;
        }
    }

    private EveryAssignment() {
    }

    /** True when {@code variable} is assigned at least once in {@code scope} and {@code judge} holds for each. */
    static boolean holds(List<Token> scope, Token variable, Judge judge) {
        int assignments = 0;
        for (int i = 0; i + 2 < scope.size(); i++) {
            Token token = scope.get(i);
            if (token.type() != TokenType.WORD || !token.text().equalsIgnoreCase(variable.text())) {
                continue;
            }
            Verdict verdict = ContextAssignments.isAssignedByContext(scope, i) ? judge.byContext(scope, i)
                    : judge.at(scope, i, i > 0 ? scope.get(i - 1) : null);
            if (verdict == Verdict.FAILS) {
                return false;
            }
            if (verdict == Verdict.HOLDS) {
                assignments++;
            }
        }
        return assignments > 0;
    }
}
