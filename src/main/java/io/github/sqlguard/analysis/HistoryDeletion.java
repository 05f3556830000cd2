package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB's {@code DELETE HISTORY FROM t [PARTITION (..)] [BEFORE SYSTEM_TIME ..]} on a system-versioned table. It
 * removes historical row versions, never the current rows, so it is no DELETE without WHERE; without
 * {@code BEFORE SYSTEM_TIME}, or with a bound of now ({@code BEFORE SYSTEM_TIME NOW()}), it removes the whole
 * history. In MySQL, {@code DELETE history FROM history ..} is a
 * multi-table DELETE of a table called history, so outside MariaDB the form counts only when no table after FROM
 * is called history.
 *
 * @param verb the DELETE word
 * @param table the table as written
 * @param before true when a {@code BEFORE SYSTEM_TIME} earlier than now limits the versions removed
 * @param words the statement's words for messages: {@code DELETE HISTORY}, or with the bound of now
 *     {@code DELETE HISTORY .. BEFORE SYSTEM_TIME NOW()}
 */
record HistoryDeletion(Token verb, String table, boolean before, String words) {

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
        boolean bounded = at >= 0 && at + 1 < tokens.size() && tokens.get(at + 1).isWord("SYSTEM_TIME");
        if (bounded && isCurrentTime(tokens.subList(at + 2, tokens.size()))) {
            StringBuilder words = new StringBuilder("DELETE HISTORY .. BEFORE SYSTEM_TIME");
            tokens.subList(at + 2, tokens.size()).forEach(token -> words.append(token.isSymbol("(")
                    || token.isSymbol(")") || words.charAt(words.length() - 1) == '(' ? "" : " ").append(token.text()));
            return Optional.of(new HistoryDeletion(tokens.get(0), table.text(), false, words.toString()));
        }
        return Optional.of(new HistoryDeletion(tokens.get(0), table.text(), bounded, "DELETE HISTORY"));
    }

    /**
     * True for {@code [TIMESTAMP] NOW()}, {@code CURRENT_TIMESTAMP[()]} and their synonyms: every historical
     * version ended before the statement runs, so such a bound removes the whole history.
     */
    private static boolean isCurrentTime(List<Token> bound) {
        int i = !bound.isEmpty() && bound.get(0).isWord("TIMESTAMP") ? 1 : 0;
        if (i >= bound.size() || !bound.get(i).isAnyWord("NOW", "CURRENT_TIMESTAMP", "SYSDATE", "UTC_TIMESTAMP",
                "LOCALTIMESTAMP", "LOCALTIME")) {
            return false;
        }
        int end = i + 1;
        if (end + 1 < bound.size() && bound.get(end).isSymbol("(")) {
            // NOW() and NOW(6): the precision does not move the bound.
            end = ObjectNames.skipParentheses(bound, end);
        }
        return end == bound.size();
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
