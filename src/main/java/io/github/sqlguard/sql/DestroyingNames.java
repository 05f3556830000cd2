package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the name of code sqlguard cannot read says it destroys: a helper routine no scanned script creates
 * ({@code fn_db_drop_column}), a Liquibase {@code customChange} class ({@code com.acme.PurgeExpiredTokens}), a
 * Flyway Java migration ({@code V7__Delete_orphan_rows}). Only names that say it in plain words count: a verb that
 * destroys with the data it destroys, not the indexes, constraints or statistics it maintains.
 */
public final class DestroyingNames {

    /** Verbs that destroy data whatever they name. */
    private static final Set<String> SWEEPING_VERBS = Set.of("truncate", "purge", "wipe");

    /** Verbs that destroy data when the name says what data. */
    private static final Set<String> DROPPING_VERBS = Set.of("drop", "delete", "remove", "erase", "clear");

    /** Words that name data a dropping verb destroys: the columns and tables, or rows. */
    private static final Set<String> STRUCTURES = Set.of("column", "columns", "col", "cols", "table", "tables",
            "schema", "partition", "partitions");
    private static final Set<String> ROWS = Set.of("row", "rows", "data", "records", "history", "duplicate",
            "duplicates", "orphan", "orphans", "orphaned");

    /**
     * Words that name what holds no data of its own (an index, a constraint, statistics, a replication slot) or a
     * scratch object, which code named after them maintains rather than destroys.
     */
    private static final Set<String> NO_DATA = Set.of("index", "indexes", "idx", "constraint", "constraints", "fk",
            "pk", "key", "keys", "trigger", "triggers", "view", "views", "function", "procedure", "sequence",
            "default", "stats", "statistics", "stat", "cache", "slot", "session", "lock", "job", "temp", "tmp",
            "privilege", "privileges", "grant", "grants", "log", "logs");

    /** Verbs that change a column's type when the name also says column and type. */
    private static final Set<String> RETYPING_VERBS = Set.of("change", "alter", "modify", "convert", "set");

    private DestroyingNames() {
    }

    /**
     * What a name of {@code words} ({@link #words}) says the code destroys: {@code "changes a column's type"},
     * {@code "drops columns or tables"}, {@code "deletes rows"}, or "" when it says nothing of the kind.
     */
    public static String whatTheNameSays(List<String> words) {
        // One word is a database's own function (MySQL's TRUNCATE(x, d) rounds a number), never a helper's name.
        if (words.size() < 2 || words.stream().anyMatch(NO_DATA::contains)
                || words.get(0).equals("pg") || words.get(0).equals("sp") || words.get(0).equals("xp")) {
            return ""; // PostgreSQL's and SQL Server's own routines are not migration helpers
        }
        boolean column = words.contains("column") || words.contains("col");
        if (column && words.contains("type") && words.stream().anyMatch(RETYPING_VERBS::contains)) {
            return "changes a column's type";
        }
        boolean drops = words.stream().anyMatch(DROPPING_VERBS::contains);
        if (drops && words.stream().anyMatch(STRUCTURES::contains)) {
            return "drops columns or tables";
        }
        if (words.stream().anyMatch(SWEEPING_VERBS::contains) || drops && words.stream().anyMatch(ROWS::contains)) {
            return "deletes rows";
        }
        return "";
    }

    /** What the simple name of a Java class says it destroys ({@code com.acme.Jobs$PurgeRows} reads PurgeRows). */
    public static String whatTheClassNameSays(String className) {
        String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        return whatTheNameSays(words(simple));
    }

    /** The words of a name, lower case: split at underscores and where a lower-case letter meets a capital. */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String plain = name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean camelBreak = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(plain.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || camelBreak) {
                if (!word.isEmpty()) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
                if (!camelBreak) {
                    continue;
                }
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
