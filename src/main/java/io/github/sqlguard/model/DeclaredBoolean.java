package io.github.sqlguard.model;

import java.util.Locale;

/**
 * How the DDL that stands for a Liquibase change ({@code createTable}, {@code addColumn}), which only the schema
 * replay reads, says that a column was declared as Liquibase's BOOLEAN: that is {@code NUMBER(1)} on Oracle and
 * {@code TINYINT} on MySQL, types that hold -9 or -128 as well, yet every value written through the boolean is 0 or 1;
 * read without a known database, it stays {@code BOOLEAN} until a changeset for one of them copies it. The mark
 * follows the type Liquibase creates ({@code NUMBER(1) DECLARED BOOLEAN}); no database writes it, and no rule or
 * message sees it.
 */
public final class DeclaredBoolean {

    private static final String MARK = " DECLARED BOOLEAN";

    private DeclaredBoolean() {
    }

    /** {@code storedType} marked as the type of a column declared as a boolean. */
    public static String marked(String storedType) {
        return storedType + MARK;
    }

    /** The type {@code written} marks as a declared boolean's, without the mark; null when it carries none. */
    public static String unmarked(String written) {
        String text = written.strip();
        return text.toUpperCase(Locale.ROOT).endsWith(MARK) && text.length() > MARK.length()
                ? text.substring(0, text.length() - MARK.length()).strip() : null;
    }
}
