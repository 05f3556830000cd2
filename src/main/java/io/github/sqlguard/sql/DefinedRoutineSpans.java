package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the routines a script defines stand in it ({@code CREATE PROCEDURE p() BEGIN .. LOOP .. END LOOP; END;}).
 * Their bodies run only when called, so a loop or a branch inside one is no step of the script's own flow: a
 * MySQL migration that defines a procedure with a cursor loop still runs each {@code SET @s = '..'; PREPARE st
 * FROM @s;} around it in a straight line.
 */
final class DefinedRoutineSpans {

    /** No routine: every token of the scope is part of its flow. */
    static final DefinedRoutineSpans NONE = new DefinedRoutineSpans(List.of());

    /** Pairs of offsets: where each definition starts and where it ends (exclusive). */
    private final List<int[]> spans;

    private DefinedRoutineSpans(List<int[]> spans) {
        this.spans = spans;
    }

    /** Starts an empty list, to which the script's routine definitions are added in order. */
    static DefinedRoutineSpans collecting() {
        return new DefinedRoutineSpans(new ArrayList<>());
    }

    /** Adds the definition made of {@code tokens}. */
    void add(List<Token> tokens) {
        spans.add(new int[] {tokens.get(0).offset(), tokens.get(tokens.size() - 1).endOffset()});
    }

    /** True when {@code token} lies in the definition of a routine, so it runs only when that routine is called. */
    boolean contains(Token token) {
        int low = 0;
        int high = spans.size() - 1;
        while (low <= high) { // the spans come in the order of the script and do not overlap
            int middle = (low + high) >>> 1;
            int[] span = spans.get(middle);
            if (token.offset() < span[0]) {
                high = middle - 1;
            } else if (token.offset() >= span[1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
