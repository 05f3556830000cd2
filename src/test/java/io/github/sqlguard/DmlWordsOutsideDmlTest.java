package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DDL, access control and queries that merely name DELETE or UPDATE (a foreign key's action, a trigger's
 * event, a privilege, a temporary table's commit action, a policy, a lock) destroy nothing: in every dialect,
 * no finding above INFO. The statement kind comes from the leading words, not from a keyword somewhere inside.
 */
class DmlWordsOutsideDmlTest {

    private static final List<String> FORMS = List.of(
            "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers(id)"
                    + " ON UPDATE CASCADE ON DELETE SET NULL;",
            "CREATE TABLE c (id INT, p INT REFERENCES p(id) ON DELETE CASCADE ON UPDATE NO ACTION);",
            "CREATE TRIGGER t BEFORE UPDATE ON s FOR EACH ROW SET NEW.x = NOW();",
            "CREATE TRIGGER t AFTER DELETE OR UPDATE OF a ON s FOR EACH ROW EXECUTE FUNCTION f();",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON orders TO app;",
            "REVOKE UPDATE, DELETE ON orders FROM app;",
            "CREATE GLOBAL TEMPORARY TABLE tmp (id INT) ON COMMIT DELETE ROWS;",
            "DECLARE GLOBAL TEMPORARY TABLE session.tmp (id INT) ON COMMIT DELETE ROWS;",
            "DECLARE GLOBAL TEMPORARY TABLE session.tmp (id INT) ON ROLLBACK DELETE ROWS;",
            "CREATE POLICY p ON orders FOR DELETE USING (owner = current_user);",
            "CREATE POLICY p ON orders FOR UPDATE USING (true);",
            "CREATE RULE r AS ON DELETE TO orders DO INSTEAD NOTHING;",
            "CREATE RULE r AS ON UPDATE TO t DO ALSO UPDATE log SET n = n + 1;",
            "CREATE TABLE t (id INT, updated TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);",
            "INSERT INTO t (id, n) VALUES (1, 2) ON DUPLICATE KEY UPDATE n = VALUES(n);",
            "INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET n = 1;",
            "SELECT * FROM orders WHERE id = 1 FOR UPDATE;",
            "EXPLAIN DELETE FROM orders;",
            "EXPLAIN UPDATE orders SET a = 1;",
            "DESCRIBE DELETE FROM orders;",
            "DESC DELETE FROM orders;",
            "TRUNCATE TABLE [#tmp];",
            "TRUNCATE TABLE [dbo].[#tmp];",
            "CREATE TABLE foo (id INT); RENAME TABLE foo TO foo_old; DROP TABLE foo_old;",
            "SELECT 'DELETE FROM t' FROM dual; -- DELETE FROM t",
            "UPDATE STATISTICS dbo.orders;",
            "UPDATE STATISTICS orders ix_orders_customer WITH FULLSCAN;",
            "UPDATE STATISTICS;",
            "UPDATE STATISTICS HIGH FOR TABLE orders;",
            "UPDATE INDEX STATISTICS orders;",
            "UPDATE ALL STATISTICS orders;",
            "UPDATE TABLE STATISTICS orders;");

    static Stream<Arguments> formsInEveryDialect() {
        List<Arguments> cases = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            for (String form : FORMS) {
                // MySQL and MariaDB start a comment at #: "[#tmp]" is not a name there but a cut statement.
                if (!(dialect.isMySqlFamily() && form.contains("[#"))) {
                    cases.add(Arguments.of(dialect, form));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("formsInEveryDialect")
    void namingADmlWordDestroysNothing(Dialect dialect, String sql) {
        assertEquals(List.of(), findingsAboveInfo(dialect, sql));
    }

    @org.junit.jupiter.api.Test
    void aTableVariableLivesForOneBatchAndHoldsNothingOlder() {
        assertEquals(List.of(), findingsAboveInfo(Dialect.SQLSERVER, """
                DECLARE @ids TABLE (id INT)
                INSERT INTO @ids SELECT id FROM orders
                UPDATE @ids SET id = 0
                DELETE @ids
                GO
                """));
    }

    @org.junit.jupiter.api.Test
    void aTableCalledStatisticsIsStillUpdated() {
        assertEquals(List.of("V1__x.sql:1:1 update-without-where"), findingsAboveInfo(Dialect.SQLSERVER,
                "UPDATE statistics SET hits = 0;").stream().map(f -> f.substring(0, f.indexOf(" UPDATE"))).toList());
    }

    private static List<String> findingsAboveInfo(Dialect dialect, String sql) {
        List<Finding> findings = OneScript.findings(dialect, sql);
        return findings.stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
    }
}
