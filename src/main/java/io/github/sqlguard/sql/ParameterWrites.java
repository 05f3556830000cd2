package io.github.sqlguard.sql;

import java.util.List;

/**
 * Whether a routine's body writes one of its parameters itself: {@code SET @id = NULL}, {@code p_id := 0},
 * {@code SELECT .. INTO p_id}, {@code EXEC q @id OUTPUT}. Only a parameter the body never writes holds, in every
 * statement of the body, what the call passed. An "=" that may compare as well as assign counts as a write: a
 * parameter wrongly taken as written only loses what the call's value would have told.
 */
public final class ParameterWrites {

    private ParameterWrites() {
    }

    /** True when {@code body}, the tokens of a routine's definition, may assign the parameter {@code name}. */
    public static boolean writes(List<Token> body, String name) {
        for (int i : ScopeIndex.of(body).wordsNamed(name)) {
            if (AssignmentSyntax.isParameter(body, i)) {
                continue; // its declaration, whose default is what a call that leaves it out passes
            }
            if (AssignmentSyntax.valueStart(body, i) >= 0 || ContextAssignments.isAssignedByContext(body, i)) {
                return true;
            }
        }
        return false;
    }
}
