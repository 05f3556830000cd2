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
    /**
     * The names a fork started with, shared with every fork taken while they did not change: a project with
     * thousands of down scripts forks its replay thousands of times, and each holding its own copy of the names
     * took a tenth of a small heap. Never changed; null when there are none.
     */
    private final RoutineWords inherited;
    /** These names as one unchanging set for forks to share; null when one is to be made. */
    private RoutineWords frozen;

    RoutineWords() {
        this(null);
    }

    private RoutineWords(RoutineWords inherited) {
        this.inherited = inherited;
    }

    /** Names starting as these are now, sharing them with the other forks taken since they last changed. */
    RoutineWords fork() {
        return new RoutineWords(frozen());
    }

    private RoutineWords frozen() {
        if (inherited != null && names.isEmpty()) {
            return inherited;
        }
        if (frozen == null) {
            frozen = new RoutineWords();
            frozen.addAll(this);
        }
        return frozen;
    }

    /** Adds a routine's name, lower case. */
    void add(String name) {
        if ((inherited == null || !inherited.names.contains(name)) && names.add(name)) {
            lengths.set(name.length());
            frozen = null;
        }
    }

    void addAll(RoutineWords other) {
        if (other.inherited != null) {
            other.inherited.names.forEach(this::add);
        }
        other.names.forEach(this::add);
    }

    boolean isEmpty() {
        return names.isEmpty() && (inherited == null || inherited.isEmpty());
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
        if (isEmpty()) {
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
        if (text == null || !hasLength(text.length())) {
            return null;
        }
        String name = text.toLowerCase(Locale.ROOT);
        return names.contains(name) || inherited != null && inherited.names.contains(name) ? name : null;
    }

    private boolean hasLength(int length) {
        return lengths.get(length) || inherited != null && inherited.lengths.get(length);
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
