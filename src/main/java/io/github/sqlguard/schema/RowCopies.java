package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * The copies of a table's rows one statement makes: every row and column ({@code CREATE TABLE b AS SELECT * FROM
 * t}, the column-list copy of a rebuild), or every row but for a WHERE.
 */
final class RowCopies {

    private RowCopies() {
    }

    /**
     * A copy of every row and column of a table; {@code selectIntoMakesTable} is false where {@code SELECT ..
     * INTO} fills variables.
     */
    static Optional<DestroyedTables.Copy> full(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        return starCopy(tokens, main, selectIntoMakesTable)
                .or(() -> ColumnListCopy.of(tokens, main, before, selectIntoMakesTable));
    }

    /**
     * A copy that would keep every row and column but for its WHERE ({@code INSERT INTO t_new SELECT * FROM t WHERE
     * ..}): the statement read without the WHERE and what follows it is a full copy.
     */
    static Optional<DestroyedTables.Copy> filtered(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("CREATE", "INSERT", "SELECT")) {
            return Optional.empty(); // only these verbs copy rows; the others need not be read to their WHERE
        }
        int depth = 0;
        for (int i = main + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (token.isWord("WHERE") && depth <= 1) {
                return full(tokens.subList(0, i), main, before, selectIntoMakesTable);
            }
        }
        return Optional.empty();
    }

    /** {@code SELECT * INTO r FROM t} in a block fills a variable, so only elsewhere is it a copy of {@code t}. */
    private static Optional<DestroyedTables.Copy> starCopy(List<Token> tokens, int main,
            boolean selectIntoMakesTable) {
        if (!selectIntoMakesTable && main < tokens.size() && tokens.get(main).isWord("SELECT")) {
            return Optional.empty();
        }
        return DestroyedTables.fullCopy(tokens, main);
    }
}
