package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a database reads a string literal written alone as a condition ({@code DELETE FROM t WHERE '1'}). MySQL,
 * MariaDB and SQLite turn it into the number its leading digits spell ({@code '1'} and {@code '2abc'} hold for every
 * row, {@code '0'}, {@code ''} and {@code 'true'} for none); PostgreSQL reads it as boolean input ({@code 't'},
 * {@code 'yes'}, {@code 'on'}, {@code '1'} hold); SQL Server and Oracle refuse it, so it changes no row.
 */
enum TextAsCondition {

    /** MySQL, MariaDB, SQLite: the number the text starts with, zero when it starts with none. */
    NUMBER {
        @Override
        Truth truthOf(String text) {
            Matcher number = LEADING_NUMBER.matcher(text);
            if (!number.find()) {
                return Truth.ALWAYS_FALSE;
            }
            try {
                return Truth.of(Double.parseDouble(number.group().trim()) != 0);
            } catch (NumberFormatException tooOdd) {
                return Truth.UNKNOWN;
            }
        }
    },

    /** PostgreSQL's boolean input: any unambiguous prefix of true, false, yes, no; on, off; 1, 0; case and spaces aside. */
    BOOLEAN {
        @Override
        Truth truthOf(String text) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                return Truth.UNKNOWN; // rejected: the statement fails
            }
            if ("true".startsWith(value) || "yes".startsWith(value) || value.equals("on") || value.equals("1")) {
                return Truth.ALWAYS_TRUE;
            }
            boolean off = value.length() >= 2 && "off".startsWith(value);
            return "false".startsWith(value) || "no".startsWith(value) || off || value.equals("0")
                    ? Truth.ALWAYS_FALSE : Truth.UNKNOWN;
        }
    },

    /** Where the database is not known (or reads it either way, as H2 may): true when either reading holds. */
    EITHER {
        @Override
        Truth truthOf(String text) {
            Truth number = NUMBER.truthOf(text);
            Truth bool = BOOLEAN.truthOf(text);
            if (number == Truth.ALWAYS_TRUE || bool == Truth.ALWAYS_TRUE) {
                return Truth.ALWAYS_TRUE;
            }
            return number == Truth.ALWAYS_FALSE && bool == Truth.ALWAYS_FALSE ? Truth.ALWAYS_FALSE : Truth.UNKNOWN;
        }
    },

    /** SQL Server, Oracle, and a reader that does not know the dialect: a string is no condition to judge. */
    UNDECIDED {
        @Override
        Truth truthOf(String text) {
            return Truth.UNKNOWN;
        }
    };

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The truth of the text, the content between the quotes, read as a whole condition. */
    abstract Truth truthOf(String text);

    /**
     * The truth of {@code "text"} written alone as a condition. MySQL and MariaDB read double quotes as a string
     * unless ANSI_QUOTES is set, SQLite when no column has that name; elsewhere it names a column. So it holds for
     * every row only when its text is a number other than zero where such a reading exists, and is undecided
     * otherwise.
     */
    Truth truthOfDoubleQuoted(String text) {
        return (this == NUMBER || this == EITHER) && NUMBER.truthOf(text) == Truth.ALWAYS_TRUE ? Truth.ALWAYS_TRUE
                : Truth.UNKNOWN;
    }

    static TextAsCondition in(Dialect dialect) {
        return switch (dialect) {
            case MYSQL, MARIADB, SQLITE -> NUMBER;
            case POSTGRESQL -> BOOLEAN;
            case SQLSERVER, ORACLE -> UNDECIDED;
            case AUTO, H2 -> EITHER;
        };
    }
}
