package io.github.sqlguard.rules;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Knows which tables hold no data that predates the migration: tables the same script created earlier
 * (recorded in {@link ScriptState}), temporary tables, and T-SQL {@code #temp} / {@code ##global} tables.
 * Dropping, truncating or reshaping such a scratch table loses nothing, so the data-loss rules skip them.
 *
 * <p>Every data-loss rule calls {@link #observe} on every statement it sees; recording is idempotent, so
 * whichever rules are enabled, the script's {@code CREATE TABLE} statements are known before later
 * statements are checked.
 */
final class ScratchTables {

    private ScratchTables() {
    }

    /**
     * Records the table of a {@code CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE} statement. A
     * {@code CREATE TABLE IF NOT EXISTS} of a permanent table is not recorded: the table may already exist
     * with rows, and a later drop would lose them (fail closed).
     */
    static void observe(List<Token> core, ScriptState script) {
        if (core.isEmpty() || !core.get(0).isWord("CREATE")) {
            return;
        }
        int i = 1;
        if (i + 1 < core.size() && core.get(i).isWord("OR") && core.get(i + 1).isWord("REPLACE")) {
            i += 2;
        }
        boolean temporary = false;
        while (i < core.size() && core.get(i).isAnyWord("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED",
                "PRIVATE", "SHARDED", "DUPLICATED")) {
            temporary |= core.get(i).isAnyWord("TEMP", "TEMPORARY");
            i++;
        }
        if (i >= core.size() || !core.get(i).isWord("TABLE")) {
            return;
        }
        i++;
        if (i + 2 < core.size() && core.get(i).isWord("IF") && core.get(i + 1).isWord("NOT")
                && core.get(i + 2).isWord("EXISTS")) {
            if (!temporary) {
                return;
            }
            i += 3;
        }
        ObjectNames.NameAt name = ObjectNames.readName(core, i);
        if (name != null) {
            script.tableCreated(name.text());
        }
    }

    /**
     * True when {@code table} holds only rows this script put there. A qualified name also matches a
     * table the script created without qualifier ({@code CREATE TABLE t} .. {@code DROP TABLE app.t}).
     */
    static boolean isScratch(String table, ScriptState script) {
        String last = ObjectNames.lastPart(table);
        return last.startsWith("#") || script.wasCreatedInScript(table) || script.wasCreatedInScript(last);
    }
}
