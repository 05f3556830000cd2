package io.github.sqlguard.sql;

import java.util.List;

/**
 * One statement of a procedural body ({@link BlockBodyScanner}) and whether it runs whenever the body runs: it comes
 * before any branch, loop, exception or condition handler and inner block of the body, or after a T-SQL one-statement
 * {@code IF} that has no {@code ELSE}. Statements of the same {@code arm} of one body run together or not at all, the
 * earlier first: no branch, loop, handler or block boundary lies between them. {@code errorEndsArm} is true when an
 * error there ends the arm: the body branches with {@code THEN} and declared no condition handler (MySQL's
 * {@code DECLARE .. HANDLER}) before the statement. {@code ifArm} names the arm of an IF it sits in directly
 * ({@link IfArms#armAt}); {@code rowLoop} the query loop that runs it once for every row of its query
 * ({@link IfArms#rowLoopAt}), or null; {@code undoneOnError} is true in a block with an EXCEPTION section, whose
 * handler may go on after the statement failed ({@link HandledBlocks}). {@code stretch} is the path of the stretches
 * that enclose it ({@link StatementContext.Body#stretch}).
 */
record BodyStatement(List<Token> tokens, boolean straightLine, int arm, boolean errorEndsArm, String ifArm,
        RowLoop rowLoop, boolean undoneOnError, String stretch) {

    /** This statement, run by no loop for every row: it only reads the row of its FOR loop, if it sits in one. */
    BodyStatement leavingRowsOut() {
        return new BodyStatement(tokens, straightLine, arm, errorEndsArm, ifArm,
                rowLoop == null ? null : rowLoop.leavingRowsOut(), undoneOnError, stretch);
    }

    /** This statement, in a block whose handler may go on after it failed. */
    BodyStatement inHandledBlock() {
        return new BodyStatement(tokens, straightLine, arm, errorEndsArm, ifArm, rowLoop, true, stretch);
    }
}
