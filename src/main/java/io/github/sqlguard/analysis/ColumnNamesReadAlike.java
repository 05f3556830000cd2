package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;

/**
 * Whether two spellings of a column name reach the same column from code, as the database compares names: a rename
 * between them renames nothing that code sees.
 */
public final class ColumnNamesReadAlike {

    private ColumnNamesReadAlike() {
    }

    /**
     * True when code that names a column {@code one} reaches a column named {@code other} on {@code dialect}'s
     * database: MySQL, MariaDB and SQLite compare column names ignoring case even when quoted, PostgreSQL, Oracle and
     * H2 fold unquoted names. T-SQL is left out, since a case-sensitive collation makes its names case-sensitive too,
     * and so is a database not known.
     */
    public static boolean readAlike(String one, String other, Dialect dialect) {
        if (one == null || other == null) {
            return false;
        }
        return switch (dialect) {
            case MYSQL, MARIADB, SQLITE -> ObjectNames.normalize(one).equals(ObjectNames.normalize(other));
            case POSTGRESQL, ORACLE, H2 -> unquoted(one) && unquoted(other) && one.equalsIgnoreCase(other);
            default -> false;
        };
    }

    private static boolean unquoted(String name) {
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }
}
