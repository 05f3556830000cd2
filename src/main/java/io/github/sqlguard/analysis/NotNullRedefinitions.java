package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL's and MariaDB's {@code MODIFY [COLUMN] c type .. NOT NULL} and {@code CHANGE [COLUMN] old new type .. NOT
 * NULL}: a full redefinition that declares the column NOT NULL. Outside strict mode MySQL replaces every NULL the
 * column holds with its type's implicit default ({@code ''}, {@code 0}, the zero date), not with the DEFAULT the
 * statement names; in strict mode the statement fails on the first NULL. Whether the column was nullable is the
 * schema replay's to say.
 */
final class NotNullRedefinitions {

    /**
     * One column a redefinition declares NOT NULL.
     *
     * @param column the column as written (CHANGE: the old name, the one the rows hold)
     * @param at the NOT of its NOT NULL
     */
    record Found(String column, Token at) {
    }

    private NotNullRedefinitions() {
    }

    /**
     * The columns {@code alter} declares NOT NULL. A Liquibase addNotNullConstraint reaches here as the MODIFY it
     * stands for on MySQL, every token located at its element, after the {@code UPDATE .. WHERE c IS NULL} of its
     * defaultNullValue, so it is judged as the same SQL written by hand.
     */
    static List<Found> of(AlterTableClauses alter) {
        List<Found> found = new ArrayList<>();
        for (List<Token> clause : alter.clauses()) {
            if (clause.size() < 4 || !clause.get(0).isAnyWord("MODIFY", "CHANGE") || clause.get(1).isSymbol("(")) {
                continue;
            }
            int i = clause.get(1).isWord("COLUMN") ? 2 : 1;
            if (i + 1 < clause.size() && clause.get(i).isWord("IF") && clause.get(i + 1).isWord("EXISTS")) {
                i += 2;
            }
            ObjectNames.NameAt column = ObjectNames.readName(clause, i);
            if (column == null) {
                continue;
            }
            Token not = topLevelNotNull(clause, column.next());
            if (not != null) {
                found.add(new Found(column.text(), not));
            }
        }
        return found;
    }

    private static Token topLevelNotNull(List<Token> clause, int from) {
        int depth = 0;
        for (int i = from; i + 1 < clause.size(); i++) {
            Token token = clause.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord("NOT") && clause.get(i + 1).isWord("NULL")) {
                return token;
            }
        }
        return null;
    }
}
