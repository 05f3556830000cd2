package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE TRIGGER t {BEFORE | AFTER | INSTEAD OF} events ON table ..} and the statements that fire it: an
 * INSERT, UPDATE, DELETE or TRUNCATE of that table, a MERGE into it or a COPY into it runs the trigger's code there
 * and then, with the migration, as a call of it would. In PostgreSQL that code is the function after
 * {@code EXECUTE FUNCTION}; MySQL, Oracle and SQLite write it inline ({@code FOR EACH ROW DELETE FROM ..}, {@code
 * BEGIN .. END}), as the trigger's own body.
 */
final class TriggerFirings {

    private static final String[] EVENTS = {"INSERT", "UPDATE", "DELETE", "TRUNCATE"};

    /**
     * A trigger the script creates.
     *
     * @param name the trigger's name as written
     * @param table the normalized last part of its table's name
     * @param events the statements that fire it ({@code INSERT}, {@code UPDATE}, ..)
     * @param function the function it executes, as written; null when its body is written inline
     */
    record Trigger(String name, String table, Set<String> events, String function) {

        boolean hasInlineBody() {
            return function == null;
        }
    }

    /**
     * What a statement does to a table, as far as triggers go.
     *
     * @param table the normalized last part of the table's name
     * @param events the trigger events it raises
     */
    record Firing(String table, Set<String> events) {
    }

    private TriggerFirings() {
    }

    /** The trigger that {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER ..} creates, or null for anything else. */
    static Trigger definition(List<Token> tokens) {
        int i = 1;
        if (wordAt(tokens, i, "OR") && wordAt(tokens, i + 1, "REPLACE")) {
            i += 2;
        }
        if (wordAt(tokens, i, "DEFINER")) {
            // MySQL: CREATE DEFINER = user@host TRIGGER ..
            while (i < Math.min(tokens.size(), 8) && !wordAt(tokens, i, "TRIGGER")) {
                i++;
            }
        }
        if (wordAt(tokens, i, "CONSTRAINT") || wordAt(tokens, i, "EDITIONABLE")) {
            i++;
        }
        if (!wordAt(tokens, 0, "CREATE") || !wordAt(tokens, i, "TRIGGER")) {
            return null;
        }
        if (wordAt(tokens, i + 1, "IF") && wordAt(tokens, i + 2, "NOT") && wordAt(tokens, i + 3, "EXISTS")) {
            i += 3;
        }
        ObjectNames.NameAt name = ObjectNames.readName(tokens, i + 1);
        if (name == null) {
            return null;
        }
        Set<String> events = new HashSet<>();
        String table = null;
        for (int j = name.next(); j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (table == null && token.isAnyWord(EVENTS)) {
                events.add(token.upper());
            } else if (table == null && token.isWord("ON")) {
                ObjectNames.NameAt on = ObjectNames.readName(tokens, j + 1);
                if (on == null) {
                    return null;
                }
                table = ObjectNames.normalize(on.lastPart());
                j = on.next() - 1;
            } else if (table != null && token.isWord("EXECUTE") && j + 1 < tokens.size()
                    && tokens.get(j + 1).isAnyWord("FUNCTION", "PROCEDURE")) {
                ObjectNames.NameAt function = ObjectNames.readName(tokens, j + 2);
                return function == null || events.isEmpty() ? null
                        : new Trigger(name.text(), table, Set.copyOf(events), function.text());
            }
        }
        // MySQL's, Oracle's and SQLite's triggers hold their body inline, after the table.
        return table == null || events.isEmpty() ? null : new Trigger(name.text(), table, Set.copyOf(events), null);
    }

    /** The table and trigger events of a statement that writes one table, or null. */
    static Firing firing(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        Token verb = tokens.get(0);
        if (verb.isAnyWord("INSERT", "REPLACE")) {
            // MySQL: INSERT [LOW_PRIORITY | DELAYED | HIGH_PRIORITY] [IGNORE] [INTO] t; REPLACE deletes a clashing
            // row, firing its DELETE triggers, before it inserts.
            int at = 1;
            while (at < tokens.size() && tokens.get(at).isAnyWord("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY",
                    "IGNORE", "INTO")) {
                at++;
            }
            Firing insert = firing(tokens, at, "INSERT");
            return insert == null || verb.isWord("INSERT") ? insert
                    : new Firing(insert.table(), Set.of("INSERT", "DELETE"));
        }
        if (verb.isWord("UPDATE")) {
            return firing(tokens, 1, "UPDATE");
        }
        if (verb.isWord("DELETE") && wordAt(tokens, 1, "FROM")) {
            return firing(tokens, 2, "DELETE");
        }
        if (verb.isWord("TRUNCATE")) {
            return firing(tokens, wordAt(tokens, 1, "TABLE") ? 2 : 1, "TRUNCATE");
        }
        if (verb.isWord("COPY")) {
            Firing copy = firing(tokens, 1, "INSERT");
            return copy != null && tokens.stream().anyMatch(token -> token.isWord("FROM")) ? copy : null;
        }
        if (verb.isWord("MERGE") && wordAt(tokens, 1, "INTO")) {
            Firing merge = firing(tokens, 2, "INSERT");
            return merge == null ? null : new Firing(merge.table(), Set.of("INSERT", "UPDATE", "DELETE"));
        }
        return null;
    }

    private static Firing firing(List<Token> tokens, int at, String event) {
        int i = wordAt(tokens, at, "ONLY") ? at + 1 : at;
        ObjectNames.NameAt table = ObjectNames.readName(tokens, i);
        return table == null ? null : new Firing(ObjectNames.normalize(table.lastPart()), Set.of(event));
    }

    private static boolean wordAt(List<Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }
}
