package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a statement written after the END that closes an Oracle PL/SQL block or unit, inside what SQL*Plus and
 * Flyway send as that block. Both send a PL/SQL block (and a CREATE PROCEDURE, PACKAGE, TRIGGER ..) only when a
 * line holding {@code /} ends it; when that line is missing, the statements after the END travel with the block.
 * Oracle rejects such an anonymous block (PLS-00103); a stored unit it keeps with compilation errors and returns
 * only a warning, so the script counts as run while the statements after the END never ran.
 */
public final class PlsqlUnitTail {

    private PlsqlUnitTail() {
    }

    /** Words Oracle allows between CREATE [OR REPLACE] and the kind of unit it makes. */
    private static final String[] EDITIONING = {"EDITIONABLE", "NONEDITIONABLE", "EDITIONING"};

    /**
     * The kind of stored unit the Oracle CREATE of {@code statement} makes, as written upper case ({@code TRIGGER},
     * {@code PACKAGE BODY}); empty for an anonymous block or any other statement.
     */
    public static Optional<String> storedUnit(Statement statement) {
        List<Token> tokens = statement.tokens();
        int i = 0;
        if (tokens.isEmpty() || !tokens.get(i++).isWord("CREATE")) {
            return Optional.empty();
        }
        if (i + 1 < tokens.size() && tokens.get(i).isWord("OR") && tokens.get(i + 1).isWord("REPLACE")) {
            i += 2;
        }
        while (i < tokens.size() && tokens.get(i).isAnyWord(EDITIONING)) {
            i++;
        }
        if (i >= tokens.size() || !tokens.get(i).isAnyWord("PROCEDURE", "FUNCTION", "PACKAGE", "TRIGGER", "TYPE")) {
            return Optional.empty();
        }
        String kind = tokens.get(i).text().toUpperCase(Locale.ROOT);
        boolean body = i + 1 < tokens.size() && tokens.get(i + 1).isWord("BODY");
        return Optional.of(body ? kind + " BODY" : kind);
    }

    /**
     * The first token of a statement that follows the closing END of the block or unit {@code statement} holds,
     * when it is an Oracle container statement that runs to its {@code /}; empty otherwise.
     */
    public static Optional<Token> statementAfterEnd(Statement statement) {
        if (!statement.container() || statement.dialect() != Dialect.ORACLE) {
            return Optional.empty();
        }
        int at = statementAfterEnd(statement.tokens());
        return at < 0 ? Optional.empty() : Optional.of(statement.tokens().get(at));
    }

    /**
     * The index in {@code tokens}, the text Oracle receives as one PL/SQL block or unit, of the first token of a
     * statement that follows the END closing it; -1 when none does.
     */
    static int statementAfterEnd(List<Token> tokens) {
        BlockDepth depth = new BlockDepth(true);
        boolean opened = false;
        int parenDepth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (opened && !depth.isOpen() && parenDepth == 0 && BlockSyntax.isSemicolon(token)) {
                // Only a statement verb counts: what else follows the END is not SQL sqlguard reads as a statement.
                boolean statementFollows = i + 1 < tokens.size()
                        && BlockSyntax.isStatementStarter(tokens, i + 1, tokens.size());
                return statementFollows ? i + 1 : -1;
            }
            depth.accept(tokens, i, tokens.size(), parenDepth);
            opened |= depth.isOpen();
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            }
        }
        return -1;
    }
}
