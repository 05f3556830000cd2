package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE clauses of databases without a dialect here that empty a table without saying TRUNCATE: Db2's
 * {@code ACTIVATE NOT LOGGED INITIALLY WITH EMPTY TABLE}, which deletes every row of the altered table, and
 * Amazon Redshift's {@code APPEND FROM source}, which moves every row of the source into the altered table and
 * leaves the source empty.
 */
final class EmptiedTables {

    /**
     * One emptied table.
     *
     * @param kind {@link ClauseKind#DISCARDED_ROWS} for the altered table, {@link ClauseKind#EMPTIED_APPEND_SOURCE}
     *     for a source whose rows moved
     * @param at where the emptying is written: {@code WITH} of {@code WITH EMPTY TABLE}, or {@code APPEND}
     * @param table the emptied table as written
     * @param detail the clause for messages
     */
    record Emptied(ClauseKind kind, Token at, String table, String detail) {
    }

    private EmptiedTables() {
    }

    static List<Emptied> of(AlterTableClauses alter) {
        List<Emptied> found = new ArrayList<>();
        for (List<Token> clause : alter.clauses()) {
            if (clause.get(0).isWord("ACTIVATE")) {
                int with = withEmptyTable(clause);
                if (with >= 0) {
                    found.add(new Emptied(ClauseKind.DISCARDED_ROWS, clause.get(with), alter.table(),
                            "ACTIVATE NOT LOGGED INITIALLY WITH EMPTY TABLE"));
                }
            } else if (clause.size() > 2 && clause.get(0).isWord("APPEND") && clause.get(1).isWord("FROM")) {
                ObjectNames.NameAt source = ObjectNames.readName(clause, 2);
                found.add(new Emptied(ClauseKind.EMPTIED_APPEND_SOURCE, clause.get(0),
                        source == null ? "?" : source.text(), "APPEND FROM"));
            }
        }
        return found;
    }

    /** The index of {@code WITH} in {@code .. WITH EMPTY TABLE}, or -1. */
    private static int withEmptyTable(List<Token> clause) {
        for (int i = 1; i + 2 < clause.size(); i++) {
            if (clause.get(i).isWord("WITH") && clause.get(i + 1).isWord("EMPTY") && clause.get(i + 2).isWord("TABLE")) {
                return i;
            }
        }
        return -1;
    }
}
