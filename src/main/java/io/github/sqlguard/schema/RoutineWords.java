package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of the routines the migrations created, as a call writes them, and which of them a statement's words
 * name. Asked for every statement of every migration, so a word's length is looked up before its text is
 * lower-cased and compared; far cheaper than reading the calls themselves.
 */
final class RoutineWords {

    private final Set<String> names = new HashSet<>();
    private final BitSet lengths = new BitSet();

    /** Adds a routine's name, lower case. */
    void add(String name) {
        names.add(name);
        lengths.set(name.length());
    }

    void addAll(RoutineWords other) {
        other.names.forEach(this::add);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** Adds to {@code found} those of these names that {@code statement} has among its words. */
    void namedIn(Statement statement, Set<String> found) {
        for (Token token : statement.tokens()) {
            String name = nameOf(token);
            if (name != null) {
                found.add(name);
            }
        }
    }

    /** True when a word of {@code statement} is one of these names. */
    boolean anyNamedIn(Statement statement) {
        if (names.isEmpty()) {
            return false;
        }
        for (Token token : statement.tokens()) {
            if (nameOf(token) != null) {
                return true;
            }
        }
        return false;
    }

    /** The name {@code token} stands for when it is one of these, lower case; else null. */
    private String nameOf(Token token) {
        String text = wordOf(token);
        if (text == null || !lengths.get(text.length())) {
            return null;
        }
        String name = text.toLowerCase(Locale.ROOT);
        return names.contains(name) ? name : null;
    }

    /**
     * The text of a word that may name a routine, without the quotes of a quoted one (T-SQL {@code EXEC
     * [dbo].[purge]}, as scripting tools write every name), or null for any other token.
     */
    private static String wordOf(Token token) {
        if (token.type() == TokenType.WORD) {
            return token.text();
        }
        String text = token.text();
        return token.type() == TokenType.QUOTED_NAME && text.length() > 2 ? text.substring(1, text.length() - 1) : null;
    }
}
