package io.github.sqlguard.sql;

import java.util.List;

/**
 * Where the parts of a routine's or block's body end, as {@link BlockBodyScanner} walks it: a control statement's
 * condition, a statement (with or without its terminator), a label; read from the tokens alone.
 */
final class BodyExtents {

    private BodyExtents() {
    }

    /**
     * Where an IF/WHILE/WHEN condition starting at {@code from} ends: past its THEN, LOOP or DO, or (T-SQL, MySQL
     * handlers) at the statement that follows it.
     */
    static int conditionEnd(List<Token> tokens, int from, int to, boolean handler) {
        int pos = from;
        int parenDepth = 0;
        int caseDepth = 0;
        while (pos < to) {
            Token token = tokens.get(pos);
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            } else if (parenDepth == 0 && BlockSyntax.endsStatementText(token)) {
                return pos;
            } else if (parenDepth == 0 && token.type() == TokenType.WORD) {
                if (token.isWord("CASE")) {
                    caseDepth++;
                } else if (token.isWord("END") && caseDepth > 0) {
                    caseDepth--;
                } else if (caseDepth == 0 && token.isAnyWord("THEN", "LOOP", "DO")) {
                    return pos + 1;
                } else if (caseDepth == 0 && BlockSyntax.isStatementStarter(tokens, pos, to)
                        && !(handler && token.isWord("NOT"))) {
                    return pos;
                }
            }
            pos++;
        }
        return pos;
    }

    /** Where the statement at {@code start} ends: at a terminator, or where T-SQL's next begins. */
    static int statementEnd(List<Token> tokens, int start, int to) {
        int pos = start;
        ImplicitBoundary boundary = new ImplicitBoundary(false, true, false);
        int parenDepth = 0;
        int caseDepth = 0;
        while (pos < to) {
            Token token = tokens.get(pos);
            if (parenDepth == 0 && BlockSyntax.endsStatementText(token)) {
                break;
            }
            if (pos > start && parenDepth == 0 && caseDepth == 0 && endsWithoutTerminator(tokens, start, pos, to)) {
                break;
            }
            if (pos > start && boundary.startsNewStatement(tokens, pos, to, parenDepth)) {
                break;
            }
            boundary.accept(tokens, pos, parenDepth);
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            } else if (token.isWord("CASE") && BlockSyntax.isKeywordPosition(tokens, pos)) {
                caseDepth++;
            } else if (token.isWord("END") && caseDepth > 0) {
                caseDepth--;
            }
            pos++;
        }
        return pos;
    }

    /** T-SQL statements need no {@code ;}: END, ELSE or a block BEGIN end the one before. */
    private static boolean endsWithoutTerminator(List<Token> tokens, int start, int pos, int to) {
        Token token = tokens.get(pos);
        if (token.type() != TokenType.WORD || !BlockSyntax.isKeywordPosition(tokens, pos)) {
            return false;
        }
        if (token.isAnyWord("END", "ELSE") || BlockSyntax.beginsBlock(tokens, pos, to)) {
            return !tokens.get(start).isWord("MERGE");
        }
        return false;
    }

    static boolean isLabel(List<Token> tokens, int pos, int to) {
        // PL/SQL and PL/pgSQL: <<label>>
        return BlockSyntax.isSymbolAt(tokens, pos, to, "<") && BlockSyntax.isSymbolAt(tokens, pos + 1, to, "<")
                && BlockSyntax.isSymbolAt(tokens, pos + 3, to, ">")
                && BlockSyntax.isSymbolAt(tokens, pos + 4, to, ">");
    }

    /**
     * True when {@code [from, to)} holds a {@code GOTO} (PL/SQL, T-SQL, Db2), which may land on any label there past
     * earlier code; whatever label it names, quoted or not, counts.
     */
    static boolean hasGoto(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isWord("GOTO")) {
                return true;
            }
        }
        return false;
    }

    static boolean isColonLabel(List<Token> tokens, int pos, int to) {
        // MySQL: label: BEGIN / LOOP / WHILE / REPEAT
        Token after = BlockSyntax.at(tokens, pos + 2, to);
        return BlockSyntax.isSymbolAt(tokens, pos + 1, to, ":") && after != null
                && after.isAnyWord("BEGIN", "LOOP", "WHILE", "REPEAT", "FOR");
    }

    /** The first of {@code words} outside parentheses from {@code from} on, before the statement ends; -1 if none. */
    static int wordIndex(List<Token> tokens, int to, int from, String... words) {
        int parenDepth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            } else if (parenDepth == 0 && token.isAnyWord(words)) {
                return i;
            } else if (parenDepth == 0 && BlockSyntax.endsStatementText(token)) {
                return -1;
            }
        }
        return -1;
    }
}
