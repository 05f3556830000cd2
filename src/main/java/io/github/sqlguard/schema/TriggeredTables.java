package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * The tables the replay saw a trigger or a PostgreSQL rule created on: a row change of such a table may run code
 * that writes rows into other tables ({@code CREATE TRIGGER audit AFTER DELETE ON orders .. INSERT INTO
 * orders_log}), so what is known of those tables' rows ends there. The trigger's own name is not followed: once a
 * table has had one, it counts as triggered until it is dropped, whatever {@code DROP TRIGGER} later removes.
 */
final class TriggeredTables {

    /** How far into a CREATE the word TRIGGER or RULE may stand ({@code CREATE OR REPLACE CONSTRAINT TRIGGER}, ..). */
    private static final int HEAD = 12;

    private TriggeredTables() {
    }

    /**
     * Records the table of {@code CREATE [..] TRIGGER name .. ON table} (every dialect writes the table after
     * {@code ON}) or PostgreSQL's {@code CREATE [OR REPLACE] RULE name AS ON DELETE TO table}, the CREATE at
     * {@code start}. True when the statement creates a trigger or rule, which makes no table.
     */
    static boolean replay(List<Token> tokens, int start, SchemaHistory history) {
        if (!tokens.get(start).isWord("CREATE")) {
            return false;
        }
        int kind = start + 1;
        while (kind < tokens.size() && kind < start + HEAD && !tokens.get(kind).isAnyWord("TRIGGER", "RULE")) {
            if (tokens.get(kind).isAnyWord("TABLE", "VIEW", "FUNCTION", "PROCEDURE", "INDEX") || tokens.get(kind)
                    .isSymbol("(")) {
                return false;
            }
            kind++;
        }
        if (kind >= tokens.size() || kind == start + HEAD) {
            return false;
        }
        boolean rule = tokens.get(kind).isWord("RULE");
        int on = wordAfter(tokens, kind + 1, "ON");
        int table = rule ? wordAfter(tokens, on + 1, "TO") : on;
        SchemaNames.Read name = on > 0 && table > 0 && table + 1 < tokens.size() ? SchemaNames.name(tokens, table + 1)
                : null;
        if (name != null) {
            history.triggeredTables().put(name.text(), true);
        }
        return true;
    }

    /** The index of the first {@code word} outside parentheses from {@code from}, or -1. */
    private static int wordAfter(List<Token> tokens, int from, String word) {
        int depth = 0;
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0 && tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }
}
