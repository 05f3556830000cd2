package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's {@code c = array_replace(c, 'x', 'y')} or {@code c = array_remove(c, 'x')} in an UPDATE's SET list:
 * every list of the column loses its element {@code 'x'} (for {@code 'y'}), as scripts move a value out of an enum
 * list before the type loses it.
 */
final class ListElementMapping {

    private ListElementMapping() {
    }

    /**
     * The element removed and, for array_replace, the one put in its place, as written between their quotes, when
     * {@code assignment} (with {@code name} its column) is such a mapping of the column itself; empty otherwise.
     */
    static Optional<List<String>> of(List<Token> written, SchemaNames.Read name) {
        int end = written.size();
        while (end > 0 && (written.get(end - 1).type() == TokenType.TERMINATOR
                || written.get(end - 1).type() == TokenType.COMMENT)) {
            end--;
        }
        List<Token> assignment = written.subList(0, end);
        int i = name.next();
        if (i + 3 >= assignment.size() || !assignment.get(i).isSymbol("=")
                || !assignment.get(i + 1).isAnyWord("ARRAY_REPLACE", "ARRAY_REMOVE")
                || !assignment.get(i + 2).isSymbol("(")) {
            return Optional.empty();
        }
        boolean replace = assignment.get(i + 1).isWord("ARRAY_REPLACE");
        SchemaNames.Read list = SchemaNames.name(assignment, i + 3);
        if (list == null || !SchemaNames.key(list.text()).equals(SchemaNames.key(name.text()))
                || list.next() >= assignment.size() || !assignment.get(list.next()).isSymbol(",")) {
            return Optional.empty();
        }
        List<String> elements = new ArrayList<>();
        int at = list.next() + 1;
        for (int n = 0; n < (replace ? 2 : 1); n++) {
            if (n > 0) {
                if (at >= assignment.size() || !assignment.get(at).isSymbol(",")) {
                    return Optional.empty();
                }
                at++;
            }
            if (at >= assignment.size() || assignment.get(at).type() != TokenType.STRING) {
                return Optional.empty();
            }
            elements.add(MovedEnumValues.inner(assignment.get(at)));
            at++;
            if (at + 1 < assignment.size() && assignment.get(at).isSymbol("::")) {
                SchemaNames.Read type = SchemaNames.name(assignment, at + 1);
                if (type == null) {
                    return Optional.empty();
                }
                at = type.next();
            }
        }
        return at + 1 == assignment.size() && assignment.get(at).isSymbol(")") ? Optional.of(elements)
                : Optional.empty();
    }
}
