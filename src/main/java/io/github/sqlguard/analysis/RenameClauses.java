package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * The renames a statement's tokens spell out besides ALTER TABLE: MySQL's and Oracle's {@code RENAME}, Derby's
 * {@code RENAME COLUMN}, ClickHouse's {@code EXCHANGE TABLES}, and the two renames of any swap.
 */
final class RenameClauses {

    /** Takes each clause found, as {@link DestructiveClauses} records it. */
    interface Sink {
        void add(ClauseKind kind, Token at, String words, String table, String name, String detail);
    }

    private RenameClauses() {
    }

    /** The two renames of a name swap, both located at {@code at}. */
    static void swap(Token at, String words, String one, String other, Sink sink) {
        sink.add(ClauseKind.RENAMED_TABLE, at, words, one, one, other);
        sink.add(ClauseKind.RENAMED_TABLE, at, words, other, other, one);
    }

    /** ClickHouse: {@code EXCHANGE TABLES a AND b} trades the names of a and b. */
    static void exchangeTables(List<Token> core, Sink sink) {
        if (core.size() < 5 || !core.get(1).isWord("TABLES")) {
            return;
        }
        ObjectNames.NameAt one = ObjectNames.readName(core, 2);
        if (one == null || one.next() + 1 >= core.size() || !core.get(one.next()).isWord("AND")) {
            return;
        }
        ObjectNames.NameAt other = ObjectNames.readName(core, one.next() + 1);
        if (other != null) {
            swap(core.get(0), "EXCHANGE TABLES", one.text(), other.text(), sink);
        }
    }

    /** MySQL: RENAME TABLE a TO b, c TO d; Oracle: RENAME a TO b. */
    static void renameTables(List<Token> core, Sink sink) {
        if (core.size() > 4 && core.get(1).isWord("COLUMN")) {
            renameColumn(core, sink);
            return;
        }
        int i = core.size() > 1 && core.get(1).isWord("TABLE") ? 2 : 1;
        while (i < core.size()) {
            ObjectNames.NameAt from = ObjectNames.readName(core, i);
            if (from == null || from.next() + 1 >= core.size() || !core.get(from.next()).isWord("TO")) {
                return;
            }
            ObjectNames.NameAt to = ObjectNames.readName(core, from.next() + 1);
            if (to == null) {
                return;
            }
            sink.add(ClauseKind.RENAMED_TABLE, core.get(0), "RENAME", from.text(), from.text(), to.text());
            i = to.next() < core.size() && core.get(to.next()).isSymbol(",") ? to.next() + 1 : core.size();
        }
    }

    /** Derby's {@code RENAME COLUMN t.c TO d}, located at its RENAME. */
    private static void renameColumn(List<Token> core, Sink sink) {
        ObjectNames.NameAt from = ObjectNames.readName(core, 2);
        if (from == null || from.next() + 1 >= core.size() || !core.get(from.next()).isWord("TO")) {
            return;
        }
        ObjectNames.NameAt to = ObjectNames.readName(core, from.next() + 1);
        String column = from.lastPart();
        String table = from.text().length() > column.length()
                ? from.text().substring(0, from.text().length() - column.length() - 1) : null;
        if (to != null) {
            sink.add(ClauseKind.RENAMED_COLUMN, core.get(0), "RENAME COLUMN", table, from.text(), to.text());
        }
    }
}
