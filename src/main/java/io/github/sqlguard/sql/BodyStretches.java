package io.github.sqlguard.sql;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The stretch a body's scanner is in ({@link StatementContext.Body#stretch}) and those that enclose it, kept apart
 * from the scanner's reading of the syntax because it follows only how deep the scanner is: an IF, loop, CASE or
 * inner block opens a stretch inside the current one, ELSE and the next WHEN one beside it, and its END returns to
 * the one it sits in.
 */
final class BodyStretches {

    private int current;
    private int opened;
    /** The stretches that enclose the current one, innermost on top. */
    private final Deque<Integer> enclosing = new ArrayDeque<>();

    /**
     * A control word moved the scanner from one nesting to another: deeper opens a stretch inside the current one,
     * shallower returns to the one around it, and the same (ELSE, WHEN, EXCEPTION, a label a GOTO may land on)
     * starts a stretch that no earlier one of its level reaches.
     */
    void follow(int before, int after) {
        if (after == before) {
            startBeside();
        }
        for (int level = before; level < after; level++) {
            enclosing.push(current);
            current = ++opened;
        }
        for (int level = after; level < before; level++) {
            current = enclosing.isEmpty() ? ++opened : enclosing.pop();
        }
    }

    /** Starts a stretch at the current level that no earlier one reaches, as after a one-statement T-SQL IF. */
    void startBeside() {
        current = ++opened;
    }

    /** The current stretch and those that enclose it, outermost first, joined by {@code /}. */
    String path() {
        StringBuilder path = new StringBuilder();
        enclosing.descendingIterator().forEachRemaining(outer -> path.append(outer).append('/'));
        return path.append(current).toString();
    }
}
