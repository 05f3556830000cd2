package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * A condition {@code ref [NOT] IN (SELECT ref FROM parents)} whose subquery selects, unqualified, a name that its
 * own table lacks and the changed table has. SQL resolves such a name outwards, to the changed row's column, so the
 * subquery yields the row's own value once for each row of the table and never reads the table's columns: the IN
 * holds for every row as soon as the table has a row, the NOT IN for every row while it has none, however much the
 * statement looks like a cleanup of the rows without a related row.
 *
 * @param table the subquery's table as written
 * @param column the column as written in the subquery
 * @param negated true for NOT IN
 */
public record OuterRowColumn(String table, String column, boolean negated) {

    /**
     * The outward-resolved column of {@code where}'s condition, when the replay knows every column of the subquery's
     * table and knows the changed table has that column; empty for any other shape or a table it does not know.
     */
    static Optional<OuterRowColumn> of(WhereTokens where, SchemaView before) {
        List<Token> condition = WhereJudgement.unwrapped(where.condition());
        SchemaNames.Read compared = SchemaNames.name(condition, 0);
        if (compared == null) {
            return Optional.empty();
        }
        int at = compared.next();
        boolean negated = at < condition.size() && condition.get(at).isWord("NOT");
        int in = negated ? at + 1 : at;
        if (in + 2 >= condition.size() || !condition.get(in).isWord("IN") || !condition.get(in + 1).isSymbol("(")
                || ObjectNames.skipParentheses(condition, in + 1) != condition.size()) {
            return Optional.empty();
        }
        Optional<WhereJudgement.Query> query = WhereJudgement.query(condition.subList(in + 2, condition.size() - 1))
                .filter(read -> WhereJudgement.filtersNothing(read.rest()))
                .filter(read -> where.with().named(read.table(), where.with().queries().size()).isEmpty());
        if (query.isEmpty() || query.get().columns().size() != 1) {
            return Optional.empty();
        }
        String column = query.get().columns().get(0);
        // A qualified name (p.ref) is the subquery table's, or an error; only a bare one resolves outwards.
        if (column == null || !SchemaNames.lastPart(column).equals(column.strip())
                || !SchemaNames.key(compared.text()).equals(SchemaNames.key(column))) {
            return Optional.empty();
        }
        boolean tableLacksIt = before.table(query.get().table())
                .filter(Table::complete).filter(read -> read.column(column).isEmpty()).isPresent();
        boolean rowHasIt = before.table(where.table()).flatMap(changed -> changed.column(column)).isPresent();
        return tableLacksIt && rowHasIt ? Optional.of(new OuterRowColumn(query.get().table(), column, negated))
                : Optional.empty();
    }
}
