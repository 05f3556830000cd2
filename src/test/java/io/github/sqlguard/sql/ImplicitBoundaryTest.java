package io.github.sqlguard.sql;

import static io.github.sqlguard.sql.SplitResults.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements without terminators: where a DML verb starts a new statement and where it belongs to one. */
class ImplicitBoundaryTest {

    /** Each row: dialect | script | the statements expected, separated by ' ## '. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER | DELETE FROM a\\nDELETE FROM b WHERE id = 1 | 1:1 DELETE FROM a ## 2:1 DELETE FROM b WHERE id = 1
            AUTO      | DELETE FROM a\\nDELETE FROM b WHERE id = 1 | 1:1 DELETE FROM a ## 2:1 DELETE FROM b WHERE id = 1
            POSTGRESQL| UPDATE t SET a = 1\\nUPDATE u SET b = 2 WHERE c = 3 | 1:1 UPDATE t SET a = 1 ## 2:1 UPDATE u SET b = 2 WHERE c = 3
            SQLSERVER | SET NOCOUNT ON\\nDELETE t | 1:1 SET NOCOUNT ON ## 2:1 DELETE t
            SQLSERVER | SELECT 1\\nTRUNCATE TABLE t | 1:1 SELECT 1 ## 2:1 TRUNCATE TABLE t
            SQLSERVER | INSERT INTO a VALUES (1)\\nMERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE | 1:1 INSERT INTO a VALUES (1) ## 2:1 MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE
            SQLSERVER | MERGE t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = 1 WHEN NOT MATCHED THEN INSERT (x) VALUES (1) | 1:1 MERGE t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = 1 WHEN NOT MATCHED THEN INSERT (x) VALUES (1)
            ORACLE    | MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET x = 1 DELETE WHERE x = 2 | 1:1 MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET x = 1 DELETE WHERE x = 2
            POSTGRESQL| ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES b ON DELETE CASCADE ON UPDATE SET NULL | 1:1 ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES b ON DELETE CASCADE ON UPDATE SET NULL
            MYSQL     | ALTER TABLE t MODIFY ts TIMESTAMP ON UPDATE CURRENT_TIMESTAMP | 1:1 ALTER TABLE t MODIFY ts TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
            MYSQL     | INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1 | 1:1 INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1
            POSTGRESQL| INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1 | 1:1 INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1
            POSTGRESQL| GRANT SELECT, INSERT, UPDATE, DELETE ON t TO app | 1:1 GRANT SELECT, INSERT, UPDATE, DELETE ON t TO app
            POSTGRESQL| GRANT UPDATE ON t TO app\\nDELETE FROM t | 1:1 GRANT UPDATE ON t TO app ## 2:1 DELETE FROM t
            SQLSERVER | REVOKE DELETE ON t FROM app | 1:1 REVOKE DELETE ON t FROM app
            SQLSERVER | DENY UPDATE ON t TO app | 1:1 DENY UPDATE ON t TO app
            POSTGRESQL| SELECT * FROM t FOR UPDATE SKIP LOCKED | 1:1 SELECT * FROM t FOR UPDATE SKIP LOCKED
            POSTGRESQL| SELECT * FROM t FOR NO KEY UPDATE NOWAIT | 1:1 SELECT * FROM t FOR NO KEY UPDATE NOWAIT
            POSTGRESQL| CREATE POLICY p ON t FOR DELETE USING (true) | 1:1 CREATE POLICY p ON t FOR DELETE USING (true)
            POSTGRESQL| CREATE TRIGGER trg BEFORE INSERT OR UPDATE OF a OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION f() | 1:1 [C] CREATE TRIGGER trg BEFORE INSERT OR UPDATE OF a OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION f()
            ORACLE    | CREATE TRIGGER trg INSTEAD OF DELETE ON v FOR EACH ROW BEGIN NULL; END;\\n/ | 1:1 [C] CREATE TRIGGER trg INSTEAD OF DELETE ON v FOR EACH ROW BEGIN NULL; END ## 1:62 [R trigger trg body] NULL
            POSTGRESQL| CREATE RULE r AS ON DELETE TO t DO INSTEAD DELETE FROM u WHERE id = old.id | 1:1 [C] CREATE RULE r AS ON DELETE TO t DO INSTEAD DELETE FROM u WHERE id = old.id ## 1:44 [R rule r body] DELETE FROM u WHERE id = old.id
            POSTGRESQL| CREATE RULE r AS ON UPDATE TO t DO ALSO INSERT INTO log VALUES (1) | 1:1 [C] CREATE RULE r AS ON UPDATE TO t DO ALSO INSERT INTO log VALUES (1) ## 1:41 [R rule r body] INSERT INTO log VALUES (1)
            POSTGRESQL| CREATE TEMP TABLE t (a int) ON COMMIT DELETE ROWS | 1:1 CREATE TEMP TABLE t (a int) ON COMMIT DELETE ROWS
            POSTGRESQL| WITH x AS (SELECT 1) DELETE FROM t WHERE id IN (SELECT * FROM x) | 1:1 WITH x AS (SELECT 1) DELETE FROM t WHERE id IN (SELECT * FROM x)
            POSTGRESQL| WITH d AS (DELETE FROM a RETURNING id) INSERT INTO b SELECT id FROM d | 1:1 WITH d AS (DELETE FROM a RETURNING id) INSERT INTO b SELECT id FROM d
            SQLSERVER | WITH x AS (SELECT 1 AS a) SELECT * FROM x\\nDELETE FROM t | 1:1 WITH x AS (SELECT 1 AS a) SELECT * FROM x ## 2:1 DELETE FROM t
            POSTGRESQL| EXPLAIN ANALYZE DELETE FROM t | 1:1 EXPLAIN ANALYZE DELETE FROM t
            POSTGRESQL| EXPLAIN (ANALYZE, COSTS OFF) UPDATE t SET a = 1 | 1:1 EXPLAIN (ANALYZE, COSTS OFF) UPDATE t SET a = 1
            POSTGRESQL| PREPARE p (int) AS DELETE FROM t WHERE id = $1 | 1:1 PREPARE p (int) AS DELETE FROM t WHERE id = $1 ## 1:20 [E prepared statement p] DELETE FROM t WHERE id = $1
            MYSQL     | INSERT IGNORE INTO t SELECT * FROM u | 1:1 INSERT IGNORE INTO t SELECT * FROM u
            SQLITE    | INSERT OR REPLACE INTO t VALUES (1) | 1:1 INSERT OR REPLACE INTO t VALUES (1)
            SQLSERVER | SET IDENTITY_INSERT t ON\\nINSERT INTO t (id) VALUES (1) | 1:1 SET IDENTITY_INSERT t ON ## 2:1 INSERT INTO t (id) VALUES (1)
            SQLSERVER | SET XACT_ABORT ON\\nUPDATE t SET a = 1 | 1:1 SET XACT_ABORT ON ## 2:1 UPDATE t SET a = 1
            SQLSERVER | BULK INSERT t FROM 'f.csv' | 1:1 BULK INSERT t FROM 'f.csv'
            SQLSERVER | CREATE TRIGGER trg ON t AFTER INSERT, UPDATE AS UPDATE t SET a = 1\\nGO\\nDELETE FROM x | 1:1 [C] CREATE TRIGGER trg ON t AFTER INSERT, UPDATE AS UPDATE t SET a = 1 ## 1:49 [R trigger trg body] UPDATE t SET a = 1 ## 3:1 DELETE FROM x
            SQLSERVER | DELETE FROM a WHERE id = 1\\nIF @@ROWCOUNT = 0 PRINT 'none' | 1:1 DELETE FROM a WHERE id = 1 ## 2:1 [C] IF @@ROWCOUNT = 0 PRINT 'none' ## 2:19 [E T-SQL block] PRINT 'none'
            SQLSERVER | DROP TABLE IF EXISTS t\\nDECLARE @x int\\nDROP TABLE u | 1:1 DROP TABLE IF EXISTS t ## 2:1 DECLARE @x int ## 3:1 DROP TABLE u
            AUTO      | ALTER TABLE t DROP COLUMN c | 1:1 ALTER TABLE t DROP COLUMN c
            POSTGRESQL| CREATE TRIGGER g AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()\\nDELETE FROM y | 1:1 [C] CREATE TRIGGER g AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f() ## 2:1 DELETE FROM y
            MYSQL     | ALTER TABLE t TRUNCATE PARTITION p1 | 1:1 ALTER TABLE t TRUNCATE PARTITION p1
            ORACLE    | ALTER TABLE t MERGE PARTITIONS p1, p2 INTO PARTITION p3 | 1:1 ALTER TABLE t MERGE PARTITIONS p1, p2 INTO PARTITION p3
            ORACLE    | ALTER TABLE t TRUNCATE PARTITION p1 UPDATE GLOBAL INDEXES | 1:1 ALTER TABLE t TRUNCATE PARTITION p1 UPDATE GLOBAL INDEXES
            ORACLE    | ALTER TABLE t DROP PARTITION p1 UPDATE INDEXES | 1:1 ALTER TABLE t DROP PARTITION p1 UPDATE INDEXES
            SQLSERVER | DELETE FROM a\\nUPDATE global SET x = 1 | 1:1 DELETE FROM a ## 2:1 UPDATE global SET x = 1
            SQLSERVER | ALTER TABLE t ADD c int\\nUPDATE t SET c = 1 | 1:1 ALTER TABLE t ADD c int ## 2:1 UPDATE t SET c = 1
            SQLSERVER | PRINT 'a'\\nEXEC p 1\\nDELETE x FROM x JOIN y ON x.id = y.id | 1:1 PRINT 'a' ## 2:1 EXEC p 1 ## 3:1 DELETE x FROM x JOIN y ON x.id = y.id
            SQLSERVER | SELECT * FROM t ORDER BY a OFFSET 5 ROWS FETCH NEXT 5 ROWS ONLY | 1:1 SELECT * FROM t ORDER BY a OFFSET 5 ROWS FETCH NEXT 5 ROWS ONLY
            SQLSERVER | SET NOCOUNT ON\\nDROP TABLE orders | 1:1 SET NOCOUNT ON ## 2:1 DROP TABLE orders
            SQLSERVER | SET ANSI_NULLS OFF\\nEXEC p | 1:1 SET ANSI_NULLS OFF ## 2:1 EXEC p
            SQLSERVER | SELECT 1\\nALTER TABLE t DROP COLUMN c | 1:1 SELECT 1 ## 2:1 ALTER TABLE t DROP COLUMN c
            SQLSERVER | UPDATE t SET a = 1 WHERE id = 2\\nCREATE TABLE u (id int) | 1:1 UPDATE t SET a = 1 WHERE id = 2 ## 2:1 CREATE TABLE u (id int)
            SQLSERVER | ALTER TABLE t ALTER COLUMN c bigint | 1:1 ALTER TABLE t ALTER COLUMN c bigint
            SQLSERVER | GRANT ALTER ON SCHEMA::dbo TO app | 1:1 GRANT ALTER ON SCHEMA::dbo TO app
            POSTGRESQL| UPDATE t SET updated = now() FROM u WHERE t.id = u.id | 1:1 UPDATE t SET updated = now() FROM u WHERE t.id = u.id
            POSTGRESQL| SELECT t.delete, t.update FROM t | 1:1 SELECT t.delete, t.update FROM t
            POSTGRESQL| SELECT 'DELETE FROM x' AS q -- UPDATE y SET\\nFROM t | 1:1 SELECT 'DELETE FROM x' AS q -- UPDATE y SET FROM t
            """)
    void splitsWhereTheDatabaseWould(Dialect dialect, String script, String expected) {
        List<String> statements = Arrays.stream(expected.split(" ## ")).map(String::strip).toList();
        assertEquals(statements, render(dialect, script.replace("\\n", "\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POSTGRESQL", "MYSQL", "MARIADB", "SQLSERVER", "ORACLE", "H2", "SQLITE", "AUTO"})
    void everyDialectSplitsADeleteFollowingAnUnterminatedStatement(Dialect dialect) {
        assertEquals(List.of("1:1 INSERT INTO a VALUES (1)", "2:3 DELETE FROM a"),
                render(dialect, "INSERT INTO a VALUES (1)\n  DELETE FROM a"));
    }
}
