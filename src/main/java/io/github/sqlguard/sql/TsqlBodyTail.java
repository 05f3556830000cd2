package io.github.sqlguard.sql;

import java.util.List;
import java.util.Set;

/**
 * What follows the END of a T-SQL routine body written as one {@code BEGIN .. END}: SQL Server reads a procedure's,
 * function's or trigger's body up to the end of its batch, so statements after that END and before the next
 * {@code GO} are part of the routine and run at each call, not with the migration. Usually a {@code GO} was
 * forgotten; either way, what they destroy is destroyed whenever they run, so they are not left at the lower
 * severity of code that only a call runs.
 */
final class TsqlBodyTail {

    /** BEGIN followed by these does not open the block that is the whole body. */
    private static final Set<String> NOT_THE_BODY_BLOCK = Set.of("TRY", "CATCH", "TRAN", "TRANSACTION",
            "DISTRIBUTED", "DIALOG", "CONVERSATION", "ATOMIC");

    private TsqlBodyTail() {
    }

    /**
     * The index of the first statement after the END that closes the {@code BEGIN} at {@code bodyStart}, or -1
     * when the body does not start with BEGIN or nothing but separators follows its END.
     */
    static int start(List<Token> tokens, int bodyStart) {
        int size = tokens.size();
        if (bodyStart >= size || !tokens.get(bodyStart).isWord("BEGIN") || bodyStart + 1 < size
                && tokens.get(bodyStart + 1).type() == TokenType.WORD
                && NOT_THE_BODY_BLOCK.contains(tokens.get(bodyStart + 1).upper())) {
            return -1;
        }
        BlockDepth depth = new BlockDepth(false);
        int parens = 0;
        for (int i = bodyStart; i < size; i++) {
            depth.accept(tokens, i, size, parens);
            String text = tokens.get(i).text();
            parens += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
            if (!depth.isOpen()) {
                if (i == bodyStart) {
                    return -1; // a BEGIN the block reading does not take as one: nothing to tell
                }
                int next = i + 1;
                while (next < size && StatementEnd.isSeparator(tokens.get(next))) {
                    next++;
                }
                return next < size ? next : -1;
            }
        }
        return -1;
    }
}
