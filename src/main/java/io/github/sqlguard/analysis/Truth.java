package io.github.sqlguard.analysis;

import java.util.List;

/** What is known about a condition before looking at any row: it holds for all rows, for none, or it depends. */
enum Truth {
    ALWAYS_TRUE, ALWAYS_FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? ALWAYS_TRUE : ALWAYS_FALSE;
    }

    Truth not() {
        return switch (this) {
            case ALWAYS_TRUE -> ALWAYS_FALSE;
            case ALWAYS_FALSE -> ALWAYS_TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** The truth of the conjunction of {@code terms}. */
    static Truth and(List<Truth> terms) {
        boolean allTrue = true;
        for (Truth term : terms) {
            if (term == ALWAYS_FALSE) {
                return ALWAYS_FALSE;
            }
            allTrue &= term == ALWAYS_TRUE;
        }
        return allTrue ? ALWAYS_TRUE : UNKNOWN;
    }

    /** The truth of the disjunction of {@code terms}. */
    static Truth or(List<Truth> terms) {
        boolean allFalse = true;
        for (Truth term : terms) {
            if (term == ALWAYS_TRUE) {
                return ALWAYS_TRUE;
            }
            allFalse &= term == ALWAYS_FALSE;
        }
        return allFalse ? ALWAYS_FALSE : UNKNOWN;
    }
}
