package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subqueries that read a table without a filter limit nothing: an EXISTS that names no column of the target
 * holds for every row once its table has one, {@code = ANY (SELECT ..)} is IN by another name, and a WHERE that
 * holds for every row filters nothing. The same goes for a subquery reading a query of the WITH list that reads its
 * table without a filter, for a row value {@code (id, region) IN (..)} and an EXISTS tied on both columns of such a
 * key, and for PostgreSQL's {@code TABLE t}.
 * Findings point at the verb (line 2; after a WITH list, further along it).
 */
class UnfilteredSubqueryFormsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | UPDATE t19 SET x = 0 WHERE EXISTS (SELECT 1 FROM t20)               | unfiltered-subquery 2:3",
        "SQLSERVER  | DELETE FROM orders WHERE EXISTS (SELECT 1 FROM customers)             | unfiltered-subquery 2:3",
        "MYSQL      | DELETE FROM orders WHERE EXISTS (SELECT * FROM customers c WHERE TRUE) | unfiltered-subquery 2:3",
        "POSTGRESQL | DELETE FROM t18 WHERE id = ANY(SELECT id FROM t18)                     | always-true-where 2:3",
        "POSTGRESQL | UPDATE t SET a = 1 WHERE fk = SOME (SELECT id FROM u)                  | unfiltered-subquery 2:3",
        "POSTGRESQL | DELETE FROM t WHERE id IN (SELECT id FROM t60 WHERE true)              | unfiltered-subquery 2:3",
        "ORACLE     | DELETE FROM t WHERE id IN (SELECT id FROM t60 WHERE 1 = 1)             | unfiltered-subquery 2:3",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id AND u.closed) | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.flag = 1)          | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.flag = 1 AND u.t_id = t.id) | -",
        "POSTGRESQL | DELETE FROM t WHERE NOT EXISTS (SELECT 1 FROM u)                       | unfiltered-subquery 2:3",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u JOIN w ON w.id = u.wid)    | -",
        "POSTGRESQL | DELETE FROM t18 WHERE ctid = ANY (ARRAY(SELECT ctid FROM t18))         | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t18 WHERE ctid = ANY (ARRAY(SELECT ctid FROM t18 WHERE x > 1)) | -",
        "POSTGRESQL | DELETE FROM t WHERE id = ANY(ARRAY[1, 2])                              | -",
        "POSTGRESQL | DELETE FROM t WHERE id <> ANY(SELECT id FROM u)                        | -",
        "POSTGRESQL | DELETE FROM t WHERE id IN (SELECT id FROM t60 WHERE flag)              | -",
        "POSTGRESQL | DELETE FROM t WHERE id IN (SELECT id FROM t60 WHERE 1 = 0)             | -",
        "POSTGRESQL | WITH x AS (SELECT id FROM customers) DELETE FROM customers WHERE id IN (SELECT id FROM x) | always-true-where 2:40",
        "POSTGRESQL | WITH x (k) AS (SELECT id FROM customers) DELETE FROM customers WHERE id IN (SELECT k FROM x) | always-true-where 2:44",
        "POSTGRESQL | WITH x AS (SELECT id FROM customers), y AS (TABLE x) DELETE FROM customers WHERE id IN (TABLE y) | always-true-where 2:56",
        "POSTGRESQL | WITH x AS (SELECT id FROM customers) UPDATE customers SET a = 1 WHERE EXISTS (SELECT 1 FROM x WHERE x.id = customers.id) | always-true-where 2:40",
        "POSTGRESQL | WITH x AS (SELECT id FROM customers WHERE vip) DELETE FROM customers WHERE id IN (SELECT id FROM x) | -",
        "POSTGRESQL | WITH x AS (SELECT id FROM customers), y AS (SELECT id FROM x WHERE vip) DELETE FROM customers WHERE id IN (TABLE y) | -",
        "POSTGRESQL | WITH x AS (SELECT id FROM customers) DELETE FROM customers WHERE id IN (SELECT id FROM x WHERE id > 5) | -",
        "POSTGRESQL | WITH x AS (SELECT c.id FROM customers c JOIN bans b ON b.cid = c.id) DELETE FROM customers WHERE id IN (SELECT id FROM x) | -",
        "POSTGRESQL | DELETE FROM customers WHERE (id) IN (SELECT id FROM customers)          | always-true-where 2:3",
        "MYSQL      | DELETE FROM customers WHERE (id, region) IN (SELECT id, region FROM customers) | always-true-where 2:3",
        "POSTGRESQL | UPDATE customers SET a = 1 WHERE (id, region) = ANY (SELECT id, region FROM customers) | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM customers WHERE (id, region) IN (SELECT id, region FROM customers WHERE vip) | -",
        "POSTGRESQL | DELETE FROM customers WHERE (id, region) NOT IN (SELECT id, region FROM customers) | -",
        "POSTGRESQL | DELETE FROM customers WHERE (id, region) IN ((1, 2), (3, 4))             | -",
        "POSTGRESQL | DELETE FROM customers WHERE id IN (TABLE customer_ids)                   | unfiltered-subquery 2:3",
        "POSTGRESQL | DELETE FROM customers WHERE id NOT IN (TABLE customer_ids)               | -",
        "POSTGRESQL | DELETE FROM customers WHERE EXISTS (SELECT 1 FROM customers c2 WHERE c2.id = customers.id) | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM customers WHERE EXISTS (SELECT 1 FROM customers c2 WHERE c2.id = customers.id AND c2.vip) | -",
        // A composite key: equalities that each tie a column of the related row to one of the target's filter nothing.
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.region = t.region AND u.id = t.u_id) | unfiltered-subquery 2:3",
        "SQLITE     | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u x WHERE t.region = x.region AND x.id = t.u_id AND x.kind = t.kind) | unfiltered-subquery 2:3",
        "MYSQL      | DELETE FROM customers WHERE EXISTS (SELECT 1 FROM customers c2 WHERE c2.id = customers.id AND c2.region = customers.region) | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.region = t.region AND u.id = 5) | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.region = t.region AND u.id = t.u_id AND u.closed) | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.region = t.region AND u.id > t.u_id) | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.region = t.region OR u.id = t.u_id) | -",
        "POSTGRESQL | DELETE FROM customers WHERE id = ANY (SELECT id FROM customers)         | always-true-where 2:3",
        "POSTGRESQL | UPDATE customers SET a = 1 WHERE id = ANY (SELECT id FROM customers)    | always-true-where 2:3",
    })
    void subqueryThatFiltersNothing(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    /**
     * T-SQL tables whose rows were chosen: the script's {@code @ids} table variable and {@code #purge} table, and a
     * trigger's {@code deleted} and {@code inserted}, which hold only the rows its statement changed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "DECLARE @ids TABLE (Id INT)\\nINSERT INTO @ids SELECT Id FROM dbo.Customer WHERE Email LIKE '%.invalid'\\nDELETE FROM dbo.Customer WHERE Id IN (SELECT Id FROM @ids) | -",
        "DELETE FROM dbo.Customer WHERE EXISTS (SELECT 1 FROM #purge p WHERE p.Id = Customer.Id) | -",
        "CREATE TRIGGER dbo.trg ON dbo.Customer FOR DELETE AS\\nBEGIN\\n  DELETE FROM dbo.Address WHERE CustomerId IN (SELECT Id FROM deleted)\\nEND | -",
        "CREATE TRIGGER dbo.trg ON dbo.Customer AFTER UPDATE AS\\nBEGIN\\n  UPDATE dbo.Address SET Stale = 1 WHERE CustomerId IN (SELECT Id FROM inserted)\\nEND | -",
        "DELETE FROM dbo.Address WHERE CustomerId IN (SELECT Id FROM deleted) | 1:1 unfiltered-subquery",
        "DELETE FROM dbo.Address WHERE CustomerId IN (SELECT Id FROM dbo.Customer) | 1:1 unfiltered-subquery",
    })
    void tsqlTablesOfChosenRowsRestrict(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.SQLSERVER, sql.replace("\\n", "\n"), RuleRegistry.all())
                .stream().filter(hit -> hit.rule().equals("unfiltered-subquery"))
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    /**
     * Read in auto dialect, a trigger's {@code deleted} that no migration created is T-SQL's table of the rows its
     * statement removed; one read outside a trigger is not (LinterTriggerPseudoTablesTest: nor a created one).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CREATE TRIGGER [trg] ON [customer] INSTEAD OF DELETE AS BEGIN\\n  SET NOCOUNT ON;\\n  DELETE FROM [address] WHERE [customer_id] IN (SELECT [id] FROM DELETED);\\nEND | -",
        "CREATE TRIGGER trg ON customer AFTER UPDATE AS BEGIN\\n  UPDATE address SET stale = 1 WHERE customer_id IN (SELECT id FROM inserted);\\nEND | -",
        "DELETE FROM address WHERE customer_id IN (SELECT id FROM deleted) | 1:1 unfiltered-subquery",
    })
    void triggerTablesOfChosenRowsRestrictInAutoDialect(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.AUTO, sql.replace("\\n", "\n"), RuleRegistry.all())
                .stream().filter(hit -> hit.rule().equals("unfiltered-subquery"))
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    @Test
    void messageSaysTheSubqueryNamesNoColumnOfTheTarget() {
        assertEquals(List.of("UPDATE on t19 is limited only by a subquery that reads t20 without a filter and names"
                + " no column of t19: it changes every row of t19 as soon as t20 has a row"),
                RuleHarness.messages(new UnfilteredSubqueryRule(), Dialect.POSTGRESQL,
                        "UPDATE t19 SET x = 0 WHERE EXISTS (SELECT 1 FROM t20)"));
    }
}
