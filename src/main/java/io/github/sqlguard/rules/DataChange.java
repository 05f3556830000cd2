package io.github.sqlguard.rules;

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
 * @param where the statement's own WHERE clause, or null when it has none
 */
record DataChange(String verb, List<String> tables, boolean restrictedByJoin, WhereClause where) {

    DataChange {
        tables = List.copyOf(tables);
    }

    /** True when nothing in the statement itself limits which rows are touched. */
    boolean touchesEveryRow() {
        return where == null && !restrictedByJoin;
    }

    /** The target tables for a message: {@code customers} or {@code t1, t2}. */
    String tableList() {
        return tables.isEmpty() ? "the target table" : String.join(", ", tables);
    }

    /** What happens to the rows, for messages: "removes" or "changes". */
    String effect() {
        return verb.equals("DELETE") ? "removes" : "changes";
    }
}
