package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * SQL Server's named constraints, which are objects of their schema beside its tables: {@code CONSTRAINT PK_t PRIMARY
 * KEY (id)} in a {@code CREATE TABLE} or {@code ALTER TABLE .. ADD}. Scripts rename them with {@code sp_rename
 * 'dbo.PK_t_id', 'PK_t', 'OBJECT'}, the form that renames a table too; a name the replay knows as a constraint is
 * no table, as no two objects of a schema share a name there, and renaming it keeps every row.
 */
final class ConstraintNames {

    private ConstraintNames() {
    }

    /**
     * Records the constraints the {@code CREATE TABLE} or {@code ALTER TABLE} {@code tokens} names as objects without
     * rows, and forgets those it drops ({@code DROP CONSTRAINT [IF EXISTS] name}).
     */
    static void replay(List<Token> tokens, int start, SchemaHistory history) {
        boolean ddl = start + 1 < tokens.size() && tokens.get(start).isAnyWord("CREATE", "ALTER")
                && tokens.get(start + 1).isWord("TABLE");
        for (int i = start + 2; ddl && i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("CONSTRAINT")) {
                continue;
            }
            boolean dropped = tokens.get(i - 1).isWord("DROP");
            int at = i + 1;
            if (dropped && at + 2 < tokens.size() && tokens.get(at).isWord("IF")
                    && tokens.get(at + 1).isWord("EXISTS")) {
                at += 2;
            }
            SchemaNames.Read name = SchemaNames.name(tokens, at);
            if (name == null) {
                continue;
            }
            if (dropped) {
                history.rowlessObjects().clear(name.text());
            } else {
                history.rowlessObjects().put(name.text(), true);
            }
        }
    }
}
