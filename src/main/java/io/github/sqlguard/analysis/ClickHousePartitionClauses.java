package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * ClickHouse ALTER TABLE clauses that lose rows or values without a DROP: {@code REPLACE PARTITION p FROM src}
 * throws away the rows of partition p and copies src's in their place, and {@code CLEAR COLUMN c [IN PARTITION p]}
 * resets every value of c (in that partition) to its default; and the TTL clauses that delete or reset values once
 * they expire ({@link ClickHouseTtlClauses}).
 */
final class ClickHousePartitionClauses {

    /**
     * One such clause.
     *
     * @param kind {@link ClauseKind#DROPPED_PARTITION}, {@link ClauseKind#CLEARED_COLUMN},
     *     {@link ClauseKind#EXPIRED_ROWS} or {@link ClauseKind#EXPIRING_COLUMN}
     * @param at where it is written: the partition's name, CLEAR, the table TTL's MODIFY or MATERIALIZE, a column's TTL
     * @param name the partition, the column or the table as written
     * @param detail for a cleared column, the partition it is cleared in, or null for every row; for a TTL, its
     *     expression as written, or null for MATERIALIZE TTL
     */
    record Found(ClauseKind kind, Token at, String name, String detail) {
    }

    private ClickHousePartitionClauses() {
    }

    static List<Found> of(AlterTableClauses alter) {
        List<Found> found = new ArrayList<>();
        for (List<Token> clause : alter.clauses()) {
            if (clause.size() > 3 && clause.get(0).isWord("REPLACE") && clause.get(1).isWord("PARTITION")
                    && StatementCore.hasTopLevelWord(clause, 2, "FROM")) {
                found.add(new Found(ClauseKind.DROPPED_PARTITION, clause.get(2), partitionName(clause, 2), null));
            } else if (clause.size() > 2 && clause.get(0).isWord("CLEAR") && clause.get(1).isWord("COLUMN")) {
                int at = clause.size() > 4 && clause.get(2).isWord("IF") && clause.get(3).isWord("EXISTS") ? 4 : 2;
                ObjectNames.NameAt column = ObjectNames.readName(clause, at);
                if (column == null) {
                    continue;
                }
                int in = column.next();
                String partition = in + 2 < clause.size() && clause.get(in).isWord("IN")
                        && clause.get(in + 1).isWord("PARTITION") ? partitionName(clause, in + 2) : null;
                found.add(new Found(ClauseKind.CLEARED_COLUMN, clause.get(0), column.text(), partition));
            }
        }
        found.addAll(ClickHouseTtlClauses.of(alter));
        return found;
    }

    /** A partition by its value ({@code '2020-01'}, {@code 202001}), its id ({@code ID '202001'}) or its name. */
    private static String partitionName(List<Token> clause, int i) {
        Token token = clause.get(i);
        if (token.isWord("ID") && i + 1 < clause.size()) {
            return "ID " + clause.get(i + 1).text();
        }
        if (token.type() == TokenType.STRING || token.type() == TokenType.NUMBER) {
            return token.text();
        }
        ObjectNames.NameAt name = ObjectNames.readName(clause, i);
        return name == null ? "?" : name.text();
    }
}
