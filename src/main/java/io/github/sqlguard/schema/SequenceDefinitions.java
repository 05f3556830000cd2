package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * Replays {@code CREATE SEQUENCE}, {@code DROP SEQUENCE} and {@code ALTER SEQUENCE .. RENAME TO}: a sequence keeps
 * no rows, yet PostgreSQL and MariaDB rename it with {@code ALTER TABLE}, Oracle with {@code RENAME} and SQL Server
 * with {@code sp_rename} (and MariaDB drops it with {@code DROP TABLE}), so the statement alone cannot tell it from a
 * table. Known as an object without rows, such a statement is judged as {@code ALTER SEQUENCE .. RENAME} is.
 */
final class SequenceDefinitions {

    private SequenceDefinitions() {
    }

    /** Replays the sequence statement at {@code start}; false when the statement is none. */
    static boolean replay(List<Token> tokens, int start, SchemaHistory history) {
        Token verb = tokens.get(start);
        int i = start + 1;
        if (verb.isWord("CREATE")) {
            while (i < tokens.size() && tokens.get(i).isAnyWord("OR", "REPLACE", "TEMP", "TEMPORARY")) {
                i++;
            }
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("SEQUENCE") || !verb.isAnyWord("CREATE", "DROP", "ALTER")) {
            return false;
        }
        i++;
        while (i < tokens.size() && tokens.get(i).isAnyWord("IF", "NOT", "EXISTS")) {
            i++;
        }
        if (verb.isWord("DROP")) {
            for (List<Token> part : ObjectNames.splitAtCommas(tokens, i, tokens.size())) {
                SchemaNames.Read name = SchemaNames.name(part, 0);
                if (name != null) {
                    history.rowlessObjects().clear(name.text());
                }
            }
            return true;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, i);
        if (name == null) {
            return true;
        }
        if (verb.isWord("CREATE")) {
            history.rowlessObjects().put(name.text(), true);
        } else {
            renamedTo(tokens, name.next()).ifPresent(renamed -> history.rowlessObjects().rename(name.text(), renamed));
        }
        return true;
    }

    /** The new name of {@code RENAME TO b} at {@code from}, when the tokens there are that clause. */
    static Optional<String> renamedTo(List<Token> tokens, int from) {
        if (from + 1 >= tokens.size() || !tokens.get(from).isWord("RENAME") || !tokens.get(from + 1).isWord("TO")) {
            return Optional.empty();
        }
        SchemaNames.Read renamed = SchemaNames.name(tokens, from + 2);
        return renamed == null ? Optional.empty() : Optional.of(renamed.text());
    }
}
