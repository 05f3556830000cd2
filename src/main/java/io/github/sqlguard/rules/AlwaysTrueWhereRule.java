package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.RowSelection;
import io.github.sqlguard.analysis.WhereFact;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.RowFilter;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Optional;

/** Reports a DELETE or UPDATE whose WHERE clause holds for every row, which is no restriction at all. */
public final class AlwaysTrueWhereRule extends RowChangeRule {

    private static final RuleInfo INFO = new RuleInfo(
            "always-true-where",
            Severity.ERROR,
            "DELETE or UPDATE with an always-true WHERE clause, MERGE with an always-true ON",
            "A WHERE such as 1 = 1, TRUE, MySQL's WHERE 1 or WHERE '1' (a string counts as the number it starts "
                    + "with), PostgreSQL's WHERE 't' or 1::boolean, Oracle's ROWNUM > 0 (ROWNUM numbers from 1 the "
                    + "rows that pass), "
                    + "id = id (MySQL's id <=> id, SQLite's id IS id, id IN (7, id)), "
                    + "coalesce(id, 0) = coalesce(id, 0), "
                    + "CAST(id AS text) = CAST(id AS text) (id::text = id::text, CONVERT(varchar, id) = "
                    + "CONVERT(varchar, id)), 'x' LIKE 'x%', "
                    + "(a, b) = (a, b), EXISTS (SELECT 1), 'x' IS NOT NULL, NULL IS UNKNOWN, "
                    + "(1 = 0) IS NOT TRUE or x IS NULL OR x IS NOT NULL (also of an expression, data->'k' IS NULL OR "
                    + "data->'k' IS NOT NULL) holds "
                    + "for every row, so the statement touches the whole table while looking restricted. So does a "
                    + "column qualified by the table or its alias compared with its bare name when the statement reads "
                    + "no other table (DELETE FROM emp e WHERE e.empno = empno), also in a PL/SQL routine with a "
                    + "parameter of that name, since the column wins there, and in a PL/pgSQL body that starts with "
                    + "#variable_conflict use_column; where PL/pgSQL otherwise (which refuses the clash) "
                    + "or a MySQL routine (which reads the variable) declares the name, it is not one. It is often "
                    + "left over from a generated query or a placeholder condition that was never filled in. The same "
                    + "goes for a MERGE whose ON condition always holds: its WHEN MATCHED UPDATE or DELETE reaches "
                    + "every row of the target. So does a WHERE that only equates one column of two copies of the "
                    + "table, or several columns alike (DELETE FROM contacts a USING contacts b WHERE a.email = "
                    + "b.email AND a.name = b.name), which every row meets with itself, and a MERGE .. WHEN MATCHED THEN DELETE whose source reads its own target "
                    + "without a filter, joined ON the same columns (USING (SELECT id FROM t) s ON t.id = s.id): "
                    + "every row matches itself. A WHERE that requires a row of the target itself on the same "
                    + "columns, read without a filter (WHERE id IN (SELECT id FROM t), also through the derived "
                    + "table MySQL needs, IN (SELECT id FROM (SELECT id FROM t) x), and in T-SQL's DELETE a FROM t a "
                    + "WHERE a.id IN (SELECT id FROM t), and a subquery that joins t only along t's references to "
                    + "other tables' keys, IN (SELECT t2.id FROM t t2 JOIN parents p ON p.id = t2.parent_id)), holds "
                    + "for every row as well, "
                    + "and so does WHERE id = r.id in a FOR r IN (SELECT id FROM t) LOOP that runs the statement "
                    + "once for each row it reads (or WHERE CURRENT OF c in a loop over cursor c), and WHERE id = v "
                    + "or CURRENT OF c right after a loop's FETCH c INTO v and its end test (EXIT WHEN c%NOTFOUND, "
                    + "T-SQL's WHILE @@FETCH_STATUS = 0), and WHERE id = ids(i) in PL/SQL's FORALL i IN 1 .. ids.COUNT "
                    + "after SELECT id BULK COLLECT INTO ids FROM t. An UPDATE whose WHERE only leaves out the rows "
                    + "it would not change (SET note = NULL WHERE note IS NOT NULL or note LIKE '%', "
                    + "SET state = 'done' WHERE state <> 'done') overwrites every value of the column it sets, and so does one that rewrites a column "
                    + "from its own value by an operator or function that keeps NULL as NULL, limited only by that "
                    + "column not being NULL (SET data = data - 'key' WHERE data IS NOT NULL). EXISTS (SELECT 1 FROM "
                    + "t) on the target holds whenever there is a row to change. An UPDATE whose WHERE compares a "
                    + "column with its min or max over the whole target (WHERE id <> (SELECT max(id) FROM t)) leaves "
                    + "out only the one row holding that value; such a DELETE is a dedupe without its GROUP BY "
                    + "(dedupe-keeps-no-copy).",
            "Replace the condition with one that selects exactly the rows to change or remove, or acknowledge it: -- sqlguard:allow always-true-where reason: <why>",
            List.of("DELETE FROM customers WHERE 1 = 1",
                    "UPDATE orders SET status = 'void' WHERE id = id",
                    "DELETE FROM sessions WHERE expires < now() OR TRUE",
                    "MERGE INTO customers c USING imports i ON 1 = 1 WHEN MATCHED THEN UPDATE SET email = i.email"),
            List.of("DELETE FROM customers WHERE 1 = 0",
                    "UPDATE orders SET status = 'void' WHERE id = 7",
                    "DELETE FROM sessions WHERE created_at = expires_at",
                    "MERGE INTO customers c USING imports i ON c.id = i.id WHEN MATCHED THEN UPDATE SET email = i.email"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> violationFor(RowChange change) {
        if (change.where() == WhereFact.PRESENT && !change.restrictedByJoin()) {
            return selfMatched(change).map(columns -> change.verb() + " whose WHERE only equates "
                    + columns.substring(columns.indexOf(' ') + 1) + " of two copies of " + change.tableList()
                    + ", which every row matches in itself, " + change.effect() + " every row of "
                    + change.tableList() + " " + notNullRows(change)
                    + (change.verb().equals("DELETE") ? " (a dedupe also needs a tie-breaker such as AND a.id < b.id)"
                            : ""));
        }
        if (change.where() == WhereFact.ALWAYS_TRUE && change.restrictedByJoin()) {
            return selfMatched(change).map(columns -> change.verb() + " with an always-true WHERE is joined to a"
                    + " second copy of " + change.tableList() + " only on the same " + columns + ", which every row"
                    + " matches in itself: it " + change.effect() + " every row of " + change.tableList() + " "
                    + notNullRows(change) + (change.verb().equals("DELETE")
                            ? " (a dedupe also needs a tie-breaker such as AND c1.id > c2.id)" : ""));
        }
        if (change.where() != WhereFact.ALWAYS_TRUE || change.restrictedByJoin()) {
            return Optional.empty();
        }
        if (change.selection() == RowSelection.MERGE_MATCHED) {
            return Optional.of("MERGE with an always-true ON condition matches every row, so its WHEN MATCHED "
                    + change.verb() + " " + change.effect() + " every row of " + change.tableList());
        }
        return Optional.of(change.verb() + " with an always-true WHERE " + change.effect() + " " + reach(change));
    }

    /**
     * {@code col IS NOT NULL} on a column the replay knows is NOT NULL; {@code x IS NULL OR x IS NOT NULL}; an OR with
     * such a test among its alternatives.
     */
    @Override
    Optional<String> violationFor(RowChange change, SchemaFacts schema) {
        return schema.rowFilter().filter(filter -> !change.restrictedByJoin() || filter.joined())
                .filter(filter -> filter.merge() == isMergeMatched(change, filter))
                .flatMap(filter -> filter.alwaysTrue().map(reason -> filter.merge()
                        ? "MERGE .. WHEN MATCHED THEN " + change.verb() + " matches every row (" + reason + "): it "
                                + change.effect() + " every row of " + change.tableList() + " but those with NULL"
                                + " there"
                        : change.verb() + (filter.joined() ? " whose join always matches (" : " with an always-true"
                                + " WHERE (") + reason + ") " + change.effect() + " " + reach(change)));
    }
}
