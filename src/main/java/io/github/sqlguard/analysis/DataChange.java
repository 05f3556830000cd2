package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * One DELETE or UPDATE found in a statement (at top level or inside a CTE), with what limits the rows it
 * touches. The rules about missing and always-true WHERE clauses judge these, whether they were read from
 * JSqlParser's AST or from the tokens.
 *
 * @param verb {@code DELETE} or {@code UPDATE}
 * @param tables the target tables as written, for messages
 * @param restrictedByJoin true when an inner join with a condition limits the targets (MySQL
 *     {@code DELETE t1 FROM t1 JOIN t2 ON ..}, {@code UPDATE t1 JOIN t2 ON .. SET}, T-SQL
 *     {@code UPDATE a SET .. FROM t a JOIN u ON ..})
 * @param crossJoin true when the targets are joined only on conditions that hold for every pair of rows
 *     ({@code JOIN c ON 1 = 1}), so the join limits nothing
 * @param where what the statement's own WHERE clause says
 * @param at the verb's token, or null when read from the AST
 */
record DataChange(String verb, List<String> tables, boolean restrictedByJoin, boolean crossJoin, WhereFact where,
        Token at) {

    DataChange {
        tables = List.copyOf(tables);
    }
}
