package io.github.sqlguard.sql;

import java.util.List;
import java.util.Set;

/**
 * Recognises the procedural words shared by PL/SQL, PL/pgSQL, MySQL compound statements and T-SQL:
 * which {@code BEGIN} opens a block, which {@code END} closes one, and which words start a statement.
 * Every method looks at a token list and an index and never changes anything.
 */
final class BlockSyntax {

    /** Words after {@code BEGIN} that make it a transaction start, not a block (T-SQL, PostgreSQL, SQLite). */
    private static final Set<String> TRANSACTION_BEGIN = Set.of("TRAN", "TRANSACTION", "WORK", "DISTRIBUTED",
            "ISOLATION", "READ", "DEFERRED", "IMMEDIATE", "EXCLUSIVE", "NOT", "DEFERRABLE");

    /** Words that follow {@code END} when it closes an IF, a loop or a CASE statement instead of a block. */
    private static final Set<String> COMPOUND_END = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR", "CASE");

    /** Words that begin a statement inside a block; they also end a T-SQL IF or WHILE condition. */
    static final Set<String> STATEMENT_STARTERS = Set.of("BEGIN", "DELETE", "UPDATE", "INSERT", "MERGE",
            "TRUNCATE", "SELECT", "SET", "EXEC", "EXECUTE", "PRINT", "RETURN", "RAISERROR", "THROW", "DROP",
            "CREATE", "ALTER", "DECLARE", "IF", "WHILE", "BREAK", "CONTINUE", "GOTO", "WAITFOR", "COMMIT",
            "ROLLBACK", "SAVE", "OPEN", "CLOSE", "FETCH", "DEALLOCATE", "GRANT", "REVOKE", "DENY", "BULK",
            "CALL", "REPLACE", "PERFORM", "RAISE", "LEAVE", "ITERATE", "SIGNAL", "RESIGNAL", "EXIT");

    /** The data-changing verbs that start a new statement wherever they are not clearly part of one. */
    static final Set<String> DML_VERBS = Set.of("DELETE", "UPDATE", "INSERT", "TRUNCATE", "MERGE");

    /** Statement verbs that no PL/SQL or PL/pgSQL declaration starts with. */
    private static final Set<String> NEVER_DECLARATIONS = Set.of("DELETE", "UPDATE", "INSERT", "TRUNCATE", "MERGE",
            "REPLACE", "DROP", "ALTER", "CREATE", "CALL", "SET", "SELECT", "IF", "WHILE", "REPEAT");

    private BlockSyntax() {
    }

    static Token at(List<Token> tokens, int index, int to) {
        return index >= 0 && index < to ? tokens.get(index) : null;
    }

    /** True when the token at {@code index}, before {@code to}, is the word {@code word}. */
    static boolean isWordAt(List<Token> tokens, int index, int to, String word) {
        Token token = at(tokens, index, to);
        return token != null && token.isWord(word);
    }

    /** True when the token at {@code index}, before {@code to}, is the symbol {@code symbol}. */
    static boolean isSymbolAt(List<Token> tokens, int index, int to, String symbol) {
        Token token = at(tokens, index, to);
        return token != null && token.isSymbol(symbol);
    }

    /** True for a T-SQL variable ({@code @sql}): {@code DECLARE @x} declares one, not a block. */
    static boolean isTsqlVariable(Token token) {
        return token != null && token.text().startsWith("@");
    }

    /** True for {@code ;} whether the lexer made it a terminator or, under a MySQL DELIMITER, a symbol. */
    static boolean isSemicolon(Token token) {
        return token != null && token.text().equals(";")
                && (token.type() == TokenType.TERMINATOR || token.type() == TokenType.SYMBOL);
    }

    static boolean endsStatementText(Token token) {
        return token == null || isSemicolon(token) || token.type() == TokenType.TERMINATOR
                || token.type() == TokenType.BATCH_SEPARATOR || token.type() == TokenType.DELIMITER_CHANGE;
    }

    /** True when the token is a keyword use of its word, not a qualified name part such as {@code t.begin}. */
    static boolean isKeywordPosition(List<Token> tokens, int index) {
        Token previous = index > 0 ? tokens.get(index - 1) : null;
        return previous == null || !previous.isSymbol(".");
    }

    /**
     * True when the {@code BEGIN} at {@code index} opens a block (also MariaDB's {@code BEGIN NOT ATOMIC}): not
     * {@code BEGIN;}, {@code BEGIN TRAN}, {@code BEGIN TRANSACTION ISOLATION ..}, and not a column called
     * {@code begin}.
     */
    static boolean beginsBlock(List<Token> tokens, int index, int to) {
        return beginsBlock(tokens, index, to, false);
    }

    /**
     * As {@link #beginsBlock(List, int, int)}, for a {@code BEGIN} that stands inside an open block when
     * {@code insideBlock}: there {@code BEGIN;} opens a block even as a statement of its own, since no database
     * starts a transaction with it inside a body (T-SQL writes {@code BEGIN TRAN}, MySQL's stored programs
     * {@code START TRANSACTION}, and PL/SQL and PL/pgSQL have no such statement).
     */
    static boolean beginsBlock(List<Token> tokens, int index, int to, boolean insideBlock) {
        if (!tokens.get(index).isWord("BEGIN") || !isKeywordPosition(tokens, index)) {
            return false;
        }
        Token previous = index > 0 ? tokens.get(index - 1) : null;
        if (previous != null && (previous.isSymbol(",") || previous.isSymbol("("))) {
            return false;
        }
        Token next = at(tokens, index + 1, to);
        if (next != null && isSemicolon(next) && (insideBlock
                || previous != null && !endsStatementText(previous) && previous.type() != TokenType.COMMENT)) {
            // T-SQL: BEGIN in the middle of a statement (ELSE BEGIN ;WITH .., IF @x = 1 BEGIN;) opens a block;
            // a transaction's BEGIN; always starts a statement of its own.
            return true;
        }
        if (endsStatementText(next)) {
            return false;
        }
        if (next.type() == TokenType.SYMBOL && !next.isSymbol("<") && !next.isSymbol("@")
                && !isBindVariable(tokens, index + 1, to)) {
            return false;
        }
        // MariaDB: BEGIN NOT ATOMIC opens a compound statement; PostgreSQL: BEGIN NOT DEFERRABLE a transaction.
        Token afterNext = at(tokens, index + 2, to);
        if (next.isWord("NOT") && afterNext != null && afterNext.isWord("ATOMIC")) {
            return true;
        }
        return !(next.type() == TokenType.WORD && TRANSACTION_BEGIN.contains(next.upper()));
    }

    /**
     * True when a colon at {@code index} and the name right after it form a bind variable, or an Oracle trigger's
     * {@code :new} or {@code :old}: a block's first statement may assign one ({@code BEGIN :new.id := 1; END;}).
     */
    private static boolean isBindVariable(List<Token> tokens, int index, int to) {
        Token colon = at(tokens, index, to);
        Token name = at(tokens, index + 1, to);
        return colon != null && colon.isSymbol(":") && name != null && name.type() == TokenType.WORD
                && name.offset() == colon.offset() + 1;
    }

    /** True for {@code BEGIN TRY} / {@code BEGIN CATCH} (T-SQL), whose BEGIN takes two words. */
    static boolean isTryOrCatch(Token token) {
        return token != null && token.isAnyWord("TRY", "CATCH");
    }

    /**
     * For an {@code END} at {@code index}: true when it ends an IF, a loop or a CASE statement
     * ({@code END IF;}, {@code END LOOP label;}) rather than a BEGIN block. T-SQL has no {@code END IF}, so
     * {@code END} followed by an {@code IF @x = 1} statement is a block end: the compound form must be
     * followed by a terminator or a label and a terminator.
     */
    static boolean isCompoundEnd(List<Token> tokens, int index, int to) {
        return compoundEndLength(tokens, index, to) > 0;
    }

    /** The number of tokens of a compound end ({@code END LOOP} or {@code END LOOP label}), or 0. */
    static int compoundEndLength(List<Token> tokens, int index, int to) {
        Token second = at(tokens, index + 1, to);
        if (second == null || second.type() != TokenType.WORD || !COMPOUND_END.contains(second.upper())) {
            return 0;
        }
        Token third = at(tokens, index + 2, to);
        if (endsStatementText(third) || isTerminatorOrSeparator(third)) {
            return 2;
        }
        return third.type() == TokenType.WORD && !STATEMENT_STARTERS.contains(third.upper())
                && endsStatementText(at(tokens, index + 3, to)) ? 3 : 0;
    }

    private static boolean isTerminatorOrSeparator(Token token) {
        return token.type() == TokenType.TERMINATOR || token.type() == TokenType.BATCH_SEPARATOR;
    }

    /**
     * How many tokens the block end at {@code index} spans: {@code END}, plus {@code TRY}/{@code CATCH}
     * (T-SQL) or a label directly before the terminator ({@code END my_proc;}).
     */
    static int blockEndLength(List<Token> tokens, int index, int to) {
        Token next = at(tokens, index + 1, to);
        if (isTryOrCatch(next)) {
            return 2;
        }
        if (next != null && (next.type() == TokenType.WORD || next.type() == TokenType.QUOTED_NAME)
                && !STATEMENT_STARTERS.contains(next.upper()) && !next.isAnyWord("ELSE", "END", "ELSIF",
                        "ELSEIF", "WHEN", "EXCEPTION", "GO")
                && endsStatementText(at(tokens, index + 2, to))) {
            return 2;
        }
        return 1;
    }

    /**
     * True when the {@code DECLARE} at {@code index}, which this dialect reads as opening a declaration section,
     * is a MySQL local declaration: a statement such as DELETE, DROP, SET or IF follows a semicolon before the
     * section's BEGIN. No PL/SQL or PL/pgSQL declaration starts with one, so a MySQL routine read under such a
     * dialect still has its body split instead of skipped as declarations.
     */
    static boolean isLocalDeclaration(List<Token> tokens, int index, int to) {
        int parenDepth = 0;
        for (int i = index + 1; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            } else if (parenDepth == 0 && isKeywordPosition(tokens, i)
                    && (beginsBlock(tokens, i, to) || token.isWord("END"))) {
                return false;
            } else if (parenDepth == 0 && isSemicolon(tokens.get(i - 1)) && token.type() == TokenType.WORD
                    && NEVER_DECLARATIONS.contains(token.upper())) {
                return true;
            }
        }
        return false;
    }

    /** True for a word that is a statement verb at this position (so {@code UPDATE(col)} in T-SQL is not). */
    static boolean isStatementStarter(List<Token> tokens, int index, int to) {
        Token token = tokens.get(index);
        if (token.type() != TokenType.WORD || !STATEMENT_STARTERS.contains(token.upper())
                || !isKeywordPosition(tokens, index)) {
            return false;
        }
        Token next = at(tokens, index + 1, to);
        if (token.isAnyWord("UPDATE", "REPLACE", "IF") && next != null && next.isSymbol("(")) {
            return false;
        }
        return next == null || !(next.isSymbol(".") || next.isSymbol("=") || next.isSymbol(":="));
    }

    /**
     * Past PostgreSQL's {@code ATOMIC}, T-SQL's {@code ATOMIC WITH (..)} and MariaDB's {@code NOT ATOMIC} at
     * {@code pos}, right after a BEGIN: such a BEGIN opens a block like a plain one. {@code pos} where there is none.
     */
    static int afterAtomic(List<Token> tokens, int pos, int to) {
        int at = pos;
        if (at + 1 < to && tokens.get(at).isWord("NOT") && tokens.get(at + 1).isWord("ATOMIC")) {
            at++;
        }
        if (at >= to || !tokens.get(at).isWord("ATOMIC")) {
            return pos;
        }
        at++;
        if (at + 1 < to && tokens.get(at).isWord("WITH") && tokens.get(at + 1).isSymbol("(")) {
            int parenDepth = 0;
            do {
                Token token = tokens.get(at++);
                parenDepth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            } while (at < to && parenDepth > 0);
        }
        return at;
    }
}
