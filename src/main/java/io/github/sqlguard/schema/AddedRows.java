package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;

/**
 * Which table an INSERT, REPLACE, MERGE, UPSERT or COPY adds rows to, and whether those rows may instead update rows
 * already there: new rows end what the loss guards and the column readers knew of a table's columns and copies.
 */
final class AddedRows {

    private AddedRows() {
    }

    /**
     * True when the rows an INSERT or MERGE adds may instead update rows already there: {@code ON DUPLICATE KEY
     * UPDATE}, {@code ON CONFLICT .. DO UPDATE}, CockroachDB's {@code UPSERT}, and H2's {@code MERGE INTO t KEY
     * (..)}, which has no USING.
     */
    static boolean updatesExistingRows(List<Token> tokens) {
        if (!tokens.isEmpty() && tokens.get(0).isWord("UPSERT")) {
            return true;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type() == TokenType.WORD && (token.isWord("DUPLICATE") && tokens.get(i + 1).isWord("KEY")
                    || token.isWord("DO") && tokens.get(i + 1).isWord("UPDATE"))) {
                return true;
            }
        }
        if (tokens.isEmpty() || !tokens.get(0).isWord("MERGE")) {
            return false;
        }
        // The MERGE's own USING follows its target and alias; one in H2's source (a join's USING (cid)) is not it.
        SchemaNames.Read target = tableRowsAreAddedTo(tokens);
        int i = target == null ? tokens.size() : target.next();
        if (i < tokens.size() && tokens.get(i).isWord("AS")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).type() == TokenType.WORD
                && !tokens.get(i).isAnyWord("USING", "KEY", "VALUES", "SELECT", "WITH")) {
            i++;
        }
        return target != null && !(i < tokens.size() && tokens.get(i).isWord("USING"));
    }

    /** The table an INSERT, REPLACE, MERGE, UPSERT or PostgreSQL COPY .. FROM adds rows to, as written. */
    static Optional<String> rowsAddedTo(List<Token> tokens) {
        return Optional.ofNullable(tableRowsAreAddedTo(tokens)).map(SchemaNames.Read::text);
    }

    /** The name of the table an INSERT, REPLACE, MERGE, UPSERT or COPY adds rows to, with where it ends; or null. */
    static SchemaNames.Read tableRowsAreAddedTo(List<Token> tokens) {
        for (String verb : List.of("INSERT", "REPLACE", "MERGE", "COPY", "UPSERT")) {
            int i = WithListUpdates.verbAt(tokens, verb);
            if (i >= 0) {
                i++;
                while (i < tokens.size() && tokens.get(i).isAnyWord("INTO", "IGNORE", "LOW_PRIORITY", "TOP", "ONLY")) {
                    i++;
                }
                return SchemaNames.name(tokens, i);
            }
        }
        return null;
    }
}
