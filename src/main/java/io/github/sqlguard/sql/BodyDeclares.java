package io.github.sqlguard.sql;

import java.util.List;

/**
 * What a {@code DECLARE} inside a procedural body starts, read apart from the scanner that walks the body
 * ({@link BlockBodyScanner}): the same word declares one local, cursor or condition handler in MySQL and T-SQL but
 * opens a whole declaration section in PL/SQL and PL/pgSQL, and a handler changes whether what follows it may run
 * after a failure. The scanner keeps its block state and applies what this decides; this reads only tokens.
 */
final class BodyDeclares {

    /** What one DECLARE turned out to be. */
    enum Kind {
        /** One local variable or cursor, up to the end of its statement. */
        LOCAL,
        /**
         * A MySQL {@code NOT FOUND} handler: it runs its statement only when a FETCH or SELECT INTO finds no row,
         * and no failure goes on through it.
         */
        NOT_FOUND_HANDLER,
        /** A handler for failures, which may go on after a statement that failed. */
        CONDITION_HANDLER,
        /** A declaration section that ends at the BEGIN of its block (or the END of a package). */
        SECTION
    }

    /**
     * @param kind what the DECLARE starts
     * @param next where the scanner goes on: after the local, at the statement a handler runs, or just after the
     *     word DECLARE of a section
     */
    record Declare(Kind kind, int next) {
    }

    /** True when DECLARE declares a local, a cursor or a handler (MySQL, T-SQL) rather than starting a section. */
    private final boolean localDeclare;

    BodyDeclares(boolean localDeclare) {
        this.localDeclare = localDeclare;
    }

    /**
     * The DECLARE at {@code pos}.
     *
     * @param statementLevel true when the scanner stands among a block's statements (or at the top of the body),
     *     not inside a declaration section, so that a DECLARE there may declare one local
     */
    Declare at(List<Token> tokens, int pos, int to, boolean statementLevel) {
        if (!statementLevel || !(localDeclare || BlockSyntax.isLocalDeclaration(tokens, pos, to))) {
            return new Declare(Kind.SECTION, pos + 1);
        }
        // MySQL: DECLARE x INT; DECLARE c CURSOR FOR ..; DECLARE .. HANDLER FOR cond <statement>
        // T-SQL: DECLARE c CURSOR FOR SELECT .. with no ';', and OPEN c on the next line starts a statement
        int handler = BodyExtents.wordIndex(tokens, to, pos + 1, "HANDLER");
        if (handler < 0) {
            return new Declare(Kind.LOCAL, BodyExtents.statementEnd(tokens, pos, to));
        }
        int condition = handler + 1;
        if (BlockSyntax.at(tokens, condition, to) != null && tokens.get(condition).isWord("FOR")) {
            condition++;
        }
        if (handlesOnlyNotFound(tokens, condition, to)) {
            return new Declare(Kind.NOT_FOUND_HANDLER, condition + 2);
        }
        // A CONTINUE handler goes on after a failed CREATE TABLE, say one that found the table there.
        return new Declare(Kind.CONDITION_HANDLER, BodyExtents.conditionEnd(tokens, condition, to, true));
    }

    /** {@code NOT FOUND} and then the handler's statement, at {@code pos}. */
    private static boolean handlesOnlyNotFound(List<Token> tokens, int pos, int to) {
        Token not = BlockSyntax.at(tokens, pos, to);
        Token found = BlockSyntax.at(tokens, pos + 1, to);
        return not != null && not.isWord("NOT") && found != null && found.isWord("FOUND")
                && BlockSyntax.at(tokens, pos + 2, to) != null && BlockSyntax.isStatementStarter(tokens, pos + 2, to);
    }
}
