package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB's {@code DELETE HISTORY FROM t [PARTITION (..)] [BEFORE SYSTEM_TIME ..]} on a system-versioned table. It
 * removes historical row versions, never the current rows, so it is no DELETE without WHERE; without
 * {@code BEFORE SYSTEM_TIME} it removes the whole history. In MySQL, {@code DELETE history FROM history ..} is a
 * multi-table DELETE of a table called history, so outside MariaDB the form counts only when no table after FROM
 * is called history.
 *
 * @param verb the DELETE word
 * @param table the table as written
 * @param before true when a {@code BEFORE SYSTEM_TIME} limits the versions removed
 */
record HistoryDeletion(Token verb, String table, boolean before) {

    /** The history deletion that {@code tokens} (a statement's, from its first word) spell, if they spell one. */
    static Optional<HistoryDeletion> of(List<Token> tokens, Dialect dialect) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("DELETE") || !tokens.get(1).isWord("HISTORY")
                || !tokens.get(2).isWord("FROM")) {
            return Optional.empty();
        }
        ObjectNames.NameAt table = ObjectNames.readName(tokens, 3);
        if (table == null || dialect != Dialect.MARIADB && namesHistoryTable(tokens)) {
            return Optional.empty();
        }
        Token before = StatementCore.topLevelWord(tokens, table.next(), "BEFORE");
        int at = before == null ? -1 : tokens.indexOf(before);
        boolean limited = at >= 0 && at + 1 < tokens.size() && tokens.get(at + 1).isWord("SYSTEM_TIME");
        return Optional.of(new HistoryDeletion(tokens.get(0), table.text(), limited));
    }

    private static boolean namesHistoryTable(List<Token> tokens) {
        for (Token token : tokens.subList(3, tokens.size())) {
            if (token.isWord("HISTORY") || token.text().equalsIgnoreCase("`history`")) {
                return true;
            }
        }
        return false;
    }
}
