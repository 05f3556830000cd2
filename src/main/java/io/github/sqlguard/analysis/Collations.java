package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * {@code COLLATE} clauses ({@code name COLLATE "C"}, {@code COLLATE pg_catalog."default"}) blanked out of the text
 * the parser gets. JSqlParser stops at PostgreSQL's quoted or qualified collation names, which keyset pagination
 * over text keys writes in nearly every batched backfill; a collation only orders and compares, so the statement
 * without it still has the same WHERE, joins and limits the row rules read. Blanks keep every later character where
 * it was, so the parser's positions still match the file.
 */
final class Collations {

    private Collations() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without its collation clauses. */
    static String blanked(Statement statement, String sql) {
        List<Token> tokens = statement.tokens();
        BlankedParserText text = new BlankedParserText(statement, sql);
        for (int i = 1; i < tokens.size() - 1; i++) {
            if (!tokens.get(i).isWord("COLLATE")) {
                continue;
            }
            int end = nameEnd(tokens, i + 1);
            if (end > i + 1) {
                text.blank(i, end);
            }
            i = end - 1;
        }
        return text.text();
    }

    /** The index after the collation name starting at {@code index}: dotted name parts, or MySQL's string. */
    private static int nameEnd(List<Token> tokens, int index) {
        if (tokens.get(index).type() == TokenType.STRING) {
            return index + 1;
        }
        int end = index;
        while (end < tokens.size() && ObjectNames.isNamePart(tokens.get(end))) {
            end++;
            if (end + 1 < tokens.size() && tokens.get(end).isSymbol(".")
                    && ObjectNames.isNamePart(tokens.get(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }
}
