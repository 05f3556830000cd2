package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns an {@code ALTER TABLE .. ADD} gave no value in the rows already there: no default but NULL, no NOT
 * NULL (MySQL fills those with the type's implicit default), no identity or generated value. Until something writes
 * such a column it holds only NULL, so {@code UPDATE t SET c_new = c WHERE c_new IS NULL}, the idempotent way to
 * write a backfill, reaches every row.
 */
final class ColumnsAddedWithoutValue {

    /** Words of a column definition that give the existing rows a value. */
    private static final String[] GIVE_VALUES = {"NOT", "GENERATED", "IDENTITY", "AUTO_INCREMENT", "AUTOINCREMENT",
        "SERIAL", "BIGSERIAL", "SMALLSERIAL", "AS", "COMPUTED", "MATERIALIZED", "ALIAS", "EPHEMERAL"};

    private final Map<String, Set<String>> columns = new HashMap<>();

    /** Follows an ADD of {@code added} columns to {@code table} by {@code tokens}, from {@code main} on. */
    void added(String table, List<String> added, List<Token> tokens, int main) {
        Set<String> known = columns.computeIfAbsent(table, k -> new HashSet<>());
        if (givesNoValue(tokens, main)) {
            known.addAll(added);
        } else {
            known.removeAll(added);
        }
    }

    /** True when {@code column} of {@code table} was last added without a value ({@link #added}). */
    boolean addedWithoutValue(String table, String column) {
        return columns.getOrDefault(table, Set.of()).contains(column);
    }

    /**
     * True when nothing in the statement gives a value to the columns it adds: a {@code DEFAULT} only when it is
     * {@code DEFAULT NULL}. One word for all of them, since which column a word belongs to is not read here.
     */
    private static boolean givesNoValue(List<Token> tokens, int main) {
        for (int i = main; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isAnyWord(GIVE_VALUES)
                    || token.isWord("DEFAULT") && (i + 1 >= tokens.size() || !tokens.get(i + 1).isWord("NULL"))) {
                return false;
            }
        }
        return true;
    }
}
