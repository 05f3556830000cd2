package io.github.sqlguard.sql;

import java.util.List;
import java.util.Set;

/**
 * Follows the nesting of one block statement token by token, so the splitter knows whether a {@code ;}
 * ends the statement or only a statement inside its body. Counts {@code BEGIN}/{@code CASE} against
 * {@code END}, and the declaration sections of PL/SQL: {@code DECLARE} before an anonymous block and the
 * {@code IS}/{@code AS} after a procedure, function or package header, which the next {@code BEGIN} turns
 * into that block (or a package's {@code END} closes).
 */
final class BlockDepth {

    /** What may follow a routine header's AS without opening a PL/SQL declaration section. */
    private static final Set<String> NOT_A_SECTION = Set.of("LANGUAGE", "EXTERNAL", "OBJECT", "TABLE",
            "VARRAY", "RANGE", "ENUM");

    private static final char BLOCK = 'B';
    private static final char CASE = 'C';
    private static final char SECTION = 'D';

    private final boolean plsqlDeclare;
    private final StringBuilder open = new StringBuilder();
    private boolean routineHeaderPending;
    private boolean bodyWithoutBegin;
    private int skip;

    /** @param plsqlDeclare whether DECLARE opens a PL/SQL declaration section (not MySQL, not T-SQL) */
    BlockDepth(boolean plsqlDeclare) {
        this.plsqlDeclare = plsqlDeclare;
    }

    /** True while a BEGIN, CASE or declaration section is open. */
    boolean isOpen() {
        return open.length() > 0;
    }

    /**
     * True once a routine's AS was followed directly by a statement (T-SQL {@code CREATE PROCEDURE p AS
     * SET NOCOUNT ON ..}): such a body has no END and runs to the end of the batch.
     */
    boolean bodyRunsToBatchEnd() {
        return bodyWithoutBegin;
    }

    /** Follows the token at {@code index}, at parenthesis depth {@code parenDepth} before it. */
    void accept(List<Token> tokens, int index, int to, int parenDepth) {
        if (skip > 0) {
            skip--;
            return;
        }
        Token token = tokens.get(index);
        if (BlockSyntax.isSemicolon(token) && parenDepth == 0) {
            routineHeaderPending = false;
            return;
        }
        if (token.type() != TokenType.WORD || !BlockSyntax.isKeywordPosition(tokens, index)) {
            return;
        }
        switch (token.upper()) {
            case "BEGIN" -> acceptBegin(tokens, index, to);
            case "CASE" -> open.append(CASE);
            case "END" -> acceptEnd(tokens, index, to);
            case "DECLARE" -> {
                if (plsqlDeclare && !BlockSyntax.isTsqlVariable(BlockSyntax.at(tokens, index + 1, to))
                        && top() != BLOCK) {
                    open.append(SECTION);
                }
            }
            case "PROCEDURE", "FUNCTION", "PACKAGE" -> routineHeaderPending = true;
            case "TYPE" -> routineHeaderPending = routineHeaderPending
                    || BlockSyntax.isWordAt(tokens, index + 1, to, "BODY");
            case "IS", "AS" -> acceptIsAs(tokens, index, to, parenDepth);
            default -> {
            }
        }
    }

    private void acceptBegin(List<Token> tokens, int index, int to) {
        if (!BlockSyntax.beginsBlock(tokens, index, to, top() == BLOCK)) {
            return;
        }
        routineHeaderPending = false;
        if (top() == SECTION) {
            open.setCharAt(open.length() - 1, BLOCK);
        } else {
            open.append(BLOCK);
        }
        if (BlockSyntax.isTryOrCatch(BlockSyntax.at(tokens, index + 1, to))) {
            skip = 1;
        }
    }

    private void acceptEnd(List<Token> tokens, int index, int to) {
        if (top() == CASE && isOpen() && !BlockSyntax.isCompoundEnd(tokens, index, to)) {
            open.setLength(open.length() - 1);
            return;
        }
        if (BlockSyntax.isCompoundEnd(tokens, index, to)) {
            skip = BlockSyntax.compoundEndLength(tokens, index, to) - 1;
            if (BlockSyntax.isWordAt(tokens, index + 1, to, "CASE") && top() == CASE) {
                open.setLength(open.length() - 1);
            }
            return;
        }
        if (isOpen()) {
            open.setLength(open.length() - 1);
        }
        skip = BlockSyntax.blockEndLength(tokens, index, to) - 1;
    }

    private void acceptIsAs(List<Token> tokens, int index, int to, int parenDepth) {
        if (!routineHeaderPending || parenDepth > 0 || top() == BLOCK) {
            return; // inside BEGIN..END, IS and AS are expressions and aliases, never a routine header
        }
        Token previous = tokens.get(index - 1);
        if (previous.isAnyWord("EXECUTE", "EXEC")) {
            return; // T-SQL WITH EXECUTE AS OWNER
        }
        routineHeaderPending = false;
        Token next = BlockSyntax.at(tokens, index + 1, to);
        if (next == null || next.type() == TokenType.STRING || next.type() == TokenType.PLACEHOLDER
                || next.type() == TokenType.WORD && NOT_A_SECTION.contains(next.upper())) {
            return;
        }
        if (next.isWord("BEGIN") && top() == SECTION) {
            // PL/SQL: a procedure in a package body or a DECLARE section whose IS is followed by BEGIN at once
            // has an empty declaration section of its own; its END closes that, not the enclosing package.
            open.append(SECTION);
            return;
        }
        if (next.type() == TokenType.WORD && BlockSyntax.isStatementStarter(tokens, index + 1, to)
                && !next.isWord("DECLARE") && !next.isAnyWord("PROCEDURE", "FUNCTION")) {
            bodyWithoutBegin = true;
            return;
        }
        open.append(SECTION);
    }

    private char top() {
        return open.length() == 0 ? 0 : open.charAt(open.length() - 1);
    }
}
