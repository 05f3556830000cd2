package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * A condition that starts with an equality of two names, {@code c.id = o.customer_id}: how a join ties a row to its
 * related row. Whether the condition ends there is the caller's to check, at {@link #next}.
 *
 * @param left the name left of the {@code =}, as written
 * @param right the name right of it, as written
 * @param next the index after the right name
 */
record ColumnEquality(String left, String right, int next) {

    /** The equality at {@code index} of {@code tokens}, or null when no name, {@code =}, name stands there. */
    static ColumnEquality at(List<Token> tokens, int index) {
        ObjectNames.NameAt left = ObjectNames.readName(tokens, index);
        if (left == null || left.next() >= tokens.size() || !tokens.get(left.next()).isSymbol("=")) {
            return null;
        }
        ObjectNames.NameAt right = ObjectNames.readName(tokens, left.next() + 1);
        return right == null ? null : new ColumnEquality(left.text(), right.text(), right.next());
    }
}
