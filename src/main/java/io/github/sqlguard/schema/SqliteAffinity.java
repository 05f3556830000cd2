package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * SQLite's type affinity: a declared type sets no length and refuses no value, but it does make SQLite convert some
 * values stored in the column. A text that reads as a number goes into a column of INTEGER, REAL or NUMERIC affinity
 * as that number ({@code '007'} becomes 7, {@code '1.50'} becomes 1.5), and an integer into a REAL column as a
 * floating-point number, which rounds one beyond 2^53. The affinity follows from the words of the declared type, in
 * the order SQLite tries them.
 */
enum SqliteAffinity {
    INTEGER, TEXT, BLOB, REAL, NUMERIC;

    static SqliteAffinity of(SqlType type) {
        String declared = type.written().toUpperCase(Locale.ROOT);
        if (declared.contains("INT")) {
            return INTEGER;
        }
        if (declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT")) {
            return TEXT;
        }
        if (declared.isBlank() || declared.contains("BLOB")) {
            return BLOB;
        }
        if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /**
     * Why copying the values of a column of type {@code from} into one of type {@code to} changes some of them, or
     * empty when SQLite keeps each as it is. A NUMERIC column declared as a date, time or boolean is left out: its
     * texts are dates and words, which SQLite keeps as texts; one declared as text in words SQLite does not read so,
     * such as {@code STRING}, is not.
     */
    static Optional<String> copyChanges(SqlType from, SqlType to) {
        SqliteAffinity source = of(from);
        SqliteAffinity target = of(to);
        TypeFamily family = TypeFamily.of(to);
        boolean numberDeclared = target != NUMERIC || family == TypeFamily.EXACT || family == TypeFamily.INTEGER
                || family == TypeFamily.APPROXIMATE;
        String converts = "a text that reads as a number, '007' or '1.50', is stored as that number";
        if (source == TEXT && target != TEXT && target != BLOB && numberDeclared) {
            return Optional.of(converts);
        }
        if (source == TEXT && target == NUMERIC && (family == TypeFamily.TEXT || family == TypeFamily.OTHER)) {
            // STRING names no affinity word, so SQLite gives it NUMERIC: a surprise to whoever meant it as text
            return Optional.of(to.written() + " has NUMERIC affinity in SQLite, so " + converts);
        }
        if (target == REAL && (source == INTEGER || source == NUMERIC)) {
            return Optional.of("an integer beyond 2^53, 9007199254740993, is stored as a REAL that rounds it");
        }
        return Optional.empty();
    }
}
