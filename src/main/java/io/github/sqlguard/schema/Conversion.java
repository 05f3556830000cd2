package io.github.sqlguard.schema;

import java.util.Optional;

/**
 * How a copy changes the values of one column ({@link CopyConversions}).
 *
 * @param how the words a note gives it: {@code "by substr"}, {@code "by a cast to date"}, {@code "into name
 *     varchar(10) (shorter: 100 to 10 characters): the copy fails on a value that does not fit"}, {@code "land in its
 *     column b: .."}
 * @param narrowing for a column copied into a narrower one, that column, its type and why it is narrower
 */
record Conversion(Kind kind, String how, Optional<Narrowing> narrowing) {

    enum Kind {
        /** Through a function that keeps part of a value ({@code lower}, {@code substr}). */
        FUNCTION,
        /** Through a cast to a type that cannot hold every value. */
        CAST,
        /** Into a column whose type cannot hold every value. */
        NARROWER_COLUMN,
        /** Into a column of another name, by position ({@code SELECT *} into a table of another column order). */
        OTHER_COLUMN
    }

    /** The narrower column a value is copied into, as a note names it: {@code note}, {@code VARCHAR(50)}, why. */
    record Narrowing(String column, String type, String reason) {
    }

    static Conversion byFunction(String function) {
        return new Conversion(Kind.FUNCTION, "by " + function, Optional.empty());
    }

    static Conversion byCast(String type) {
        return new Conversion(Kind.CAST, "by a cast to " + type, Optional.empty());
    }

    /** @param outcome what the database does with a value that does not fit, from {@code ": "} on */
    static Conversion into(Narrowing narrowing, String outcome) {
        return new Conversion(Kind.NARROWER_COLUMN, "into " + narrowing.column() + " " + narrowing.type() + " ("
                + narrowing.reason() + ")" + outcome, Optional.of(narrowing));
    }

    /** @param why why the value lands there, from {@code ": "} on */
    static Conversion intoOtherColumn(String column, String why) {
        return new Conversion(Kind.OTHER_COLUMN, "land in its column " + column + why, Optional.empty());
    }

    /**
     * Whether a note adds that the values may change, as it does for a function or a cast: the words of a narrower
     * column and of another column say themselves what becomes of the values.
     */
    boolean mayChangeValues() {
        return kind == Kind.FUNCTION || kind == Kind.CAST;
    }
}
