package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What a T-SQL variable holds after {@code SELECT @cmd = 'ALTER TABLE t DROP CONSTRAINT ' + name FROM
 * sys.key_constraints WHERE ..}, a lookup that finds no row when there is no such constraint and then leaves the
 * variable the text an earlier assignment gave it. Scripts reuse one {@code @cmd} for each constraint they drop in turn,
 * each lookup followed by its {@code EXECUTE (@cmd)}: when both the text the lookup builds and the text held before are
 * known whole (literals, and names read from the catalogue), either may run, and both are read, each as a statement of
 * its own; nothing of them is left to run time.
 */
final class LookupOrEarlierText {

    private LookupOrEarlierText() {
    }

    /**
     * The texts {@code earlier} and {@code found} as two statements, earlier first, when both are known whole; null
     * when either is not, which leaves the variable built at run time.
     */
    static VariableAssignments.Value either(VariableAssignments.Value earlier, VariableAssignments.Value found) {
        List<Token> before = knownWhole(earlier);
        List<Token> now = knownWhole(found);
        if (before == null || now == null) {
            return null;
        }
        List<Token> parts = new ArrayList<>(before);
        Token first = now.get(0);
        parts.add(new Token(TokenType.WORD, ";", first.offset(), first.line(), first.column()));
        parts.addAll(now);
        return new VariableAssignments.Value(parts, false);
    }

    /** The parts of a text known whole, where a stand-in only takes the place of one quoted name; else null. */
    private static List<Token> knownWhole(VariableAssignments.Value value) {
        if (value.partlyBuilt()) {
            return null;
        }
        if (value.asOneLiteral() != null) {
            return List.of(value.asOneLiteral());
        }
        return value.parts().isEmpty() || StandIns.leaveShapeOpen(value.parts()) ? null : value.parts();
    }
}
