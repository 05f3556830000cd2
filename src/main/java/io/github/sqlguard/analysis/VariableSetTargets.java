package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * T-SQL lets an UPDATE's SET list assign local variables as well as columns: {@code SET @last = total} reads the
 * row into {@code @last} and writes no column, while {@code SET @running = total = @running + amount} writes
 * {@code total} and copies the new value into {@code @running}. Readers of SET lists take the column assignment
 * from here, so that a variable is never taken for a column written or a copy kept.
 */
public final class VariableSetTargets {

    private VariableSetTargets() {
    }

    /**
     * Where the column assignment of the one assignment {@code [from, to)} starts: {@code from} when it does not
     * assign a variable, the column after {@code @v =} in {@code @v = c = expr}, or -1 when it assigns the variable
     * alone and so writes no column.
     */
    public static int columnAssignmentStart(List<Token> tokens, int from, int to) {
        if (from + 1 >= to || !assignsVariable(tokens, from)) {
            return from;
        }
        ObjectNames.NameAt column = ObjectNames.readName(tokens, from + 2);
        boolean chained = column != null && column.next() < to && tokens.get(column.next()).isSymbol("=")
                && !tokens.get(from + 2).text().startsWith("@");
        return chained ? from + 2 : -1;
    }

    /** True when the assignment {@code [from, to)} assigns a variable alone, so it changes no stored value. */
    public static boolean writesNoColumn(List<Token> tokens, int from, int to) {
        return columnAssignmentStart(tokens, from, to) < 0;
    }

    private static boolean assignsVariable(List<Token> tokens, int at) {
        Token target = tokens.get(at);
        return target.type() == TokenType.WORD && ObjectNames.isVariable(target.text())
                && tokens.get(at + 1).isSymbol("=");
    }
}
