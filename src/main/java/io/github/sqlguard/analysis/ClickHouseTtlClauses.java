package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ClickHouse TTL set on a table that already holds rows. {@code MODIFY TTL expr [DELETE] [WHERE ..]} deletes every
 * row once its expression has passed, the existing rows past it right away (materialize_ttl_after_modify is on by
 * default), and {@code GROUP BY} folds them into one; {@code MATERIALIZE TTL} applies the table's TTL to the
 * existing rows now; a column's {@code MODIFY COLUMN c .. TTL expr} resets its values to the default once expr has
 * passed. An element that only moves or recompresses rows ({@code TO DISK}, {@code TO VOLUME}, {@code RECOMPRESS})
 * loses nothing, and neither does {@code REMOVE TTL}.
 */
final class ClickHouseTtlClauses {

    /** Words that start the next ALTER clause rather than continue a TTL's comma-separated elements. */
    private static final Set<String> CLAUSE_VERBS = Set.of("ADD", "DROP", "MODIFY", "CLEAR", "COMMENT", "RENAME",
            "MATERIALIZE", "REMOVE", "UPDATE", "DELETE", "FREEZE", "UNFREEZE", "ATTACH", "DETACH", "MOVE",
            "REPLACE", "FETCH", "APPLY", "RESET");

    private ClickHouseTtlClauses() {
    }

    static List<ClickHousePartitionClauses.Found> of(AlterTableClauses alter) {
        List<ClickHousePartitionClauses.Found> found = new ArrayList<>();
        List<List<Token>> clauses = alter.clauses();
        for (int c = 0; c < clauses.size(); c++) {
            List<Token> clause = clauses.get(c);
            if (clause.size() > 2 && clause.get(0).isWord("MODIFY") && clause.get(1).isWord("TTL")) {
                List<List<Token>> elements = new ArrayList<>();
                elements.add(clause.subList(2, clause.size()));
                for (int next = c + 1; next < clauses.size() && !clauses.get(next).get(0).isAnyWord(
                        CLAUSE_VERBS.toArray(String[]::new)); next++) {
                    elements.add(clauses.get(next));
                }
                elements.stream().filter(ClickHouseTtlClauses::losesRows).findFirst().ifPresent(element -> found.add(
                        new ClickHousePartitionClauses.Found(ClauseKind.EXPIRED_ROWS, clause.get(0), alter.table(),
                                Token.written(element))));
            } else if (clause.size() == 2 && clause.get(0).isWord("MATERIALIZE") && clause.get(1).isWord("TTL")) {
                found.add(new ClickHousePartitionClauses.Found(ClauseKind.EXPIRED_ROWS, clause.get(0),
                        alter.table(), null));
            } else if (clause.size() > 3 && clause.get(0).isWord("MODIFY") && clause.get(1).isWord("COLUMN")) {
                expiringColumn(clause).ifPresent(found::add);
            }
        }
        return found;
    }

    /** {@code MODIFY COLUMN [IF EXISTS] c [type] [DEFAULT ..] TTL expr}, located at its TTL. */
    private static Optional<ClickHousePartitionClauses.Found> expiringColumn(List<Token> clause) {
        int at = clause.get(2).isWord("IF") && clause.get(3).isWord("EXISTS") ? 4 : 2;
        ObjectNames.NameAt column = ObjectNames.readName(clause, at);
        Token ttl = column == null ? null : StatementCore.topLevelWord(clause, column.next(), "TTL");
        if (ttl == null || clause.get(clause.indexOf(ttl) - 1).isWord("REMOVE")) {
            return Optional.empty();
        }
        int from = clause.indexOf(ttl) + 1;
        int to = from;
        while (to < clause.size() && !clause.get(to).isAnyWord("SETTINGS", "AFTER", "FIRST", "COMMENT")) {
            to++;
        }
        return Optional.of(new ClickHousePartitionClauses.Found(ClauseKind.EXPIRING_COLUMN, ttl,
                column.text(), Token.written(clause.subList(from, to))));
    }

    /** True for a TTL element that deletes or folds its expired rows rather than moving them. */
    private static boolean losesRows(List<Token> element) {
        for (int i = 0; i < element.size(); i++) {
            Token token = element.get(i);
            if (token.isWord("RECOMPRESS")
                    || token.isWord("TO") && i + 1 < element.size() && element.get(i + 1).isAnyWord("DISK", "VOLUME")) {
                return false;
            }
        }
        return !element.isEmpty();
    }
}
