package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a script does inside a transaction it rolls back itself stays undone: reported at INFO, naming the
 * ROLLBACK. A rollback that may not run, undoes only part, or comes after a commit guards nothing.
 */
class RolledBackTransactionTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | BEGIN;\\nDELETE FROM customers;\\nROLLBACK;                                 | 2:1 delete-without-where INFO
            POSTGRESQL | START TRANSACTION;\\nDROP TABLE customers;\\nABORT;                          | 2:1 drop-table INFO
            POSTGRESQL | BEGIN;\\nDROP TABLE t;\\nROLLBACK TO SAVEPOINT a;\\nCOMMIT;                 | 2:1 drop-table ERROR
            POSTGRESQL | BEGIN;\\nDELETE FROM t;\\nCOMMIT;\\nROLLBACK;                                | 2:1 delete-without-where ERROR
            POSTGRESQL | DELETE FROM t;\\nROLLBACK;                                                   | 1:1 delete-without-where ERROR
            POSTGRESQL | BEGIN;\\nDELETE FROM t;\\nEND;\\nROLLBACK;                                   | 2:1 delete-without-where ERROR
            SQLSERVER  | BEGIN TRAN t1\\nDELETE FROM dbo.a\\nROLLBACK TRAN t1\\nGO                     | 2:1 delete-without-where INFO
            SQLSERVER  | BEGIN TRAN\\nDELETE FROM dbo.a\\nROLLBACK TRAN save1\\nGO                     | 2:1 delete-without-where ERROR
            SQLSERVER  | BEGIN TRAN\\nDELETE FROM dbo.b\\nIF @@ERROR <> 0 ROLLBACK ELSE COMMIT\\nGO    | 2:1 delete-without-where ERROR
            SQLSERVER  | BEGIN TRANSACTION\\nTRUNCATE TABLE dbo.c\\nROLLBACK TRANSACTION\\nGO         | 2:1 truncate-table INFO
            MYSQL      | START TRANSACTION;\\nDELETE FROM t;\\nROLLBACK;                              | 2:1 delete-without-where INFO
            MYSQL      | START TRANSACTION;\\nDELETE FROM t;\\nCREATE TABLE u (a int);\\nROLLBACK;    | 2:1 delete-without-where ERROR
            ORACLE     | DELETE FROM t;\\nALTER TABLE u ADD c int;\\nROLLBACK;                       | 1:1 delete-without-where ERROR
            """)
    void aRolledBackStatementIsReportedAtInfo(Dialect dialect, String sql, String expected) {
        assertEquals(List.of(expected), OneScript.placesAndSeverities(dialect, sql));
    }

    @Test
    void theFindingNamesTheRollback() {
        List<Finding> findings = OneScript.findings(Dialect.POSTGRESQL, "BEGIN;\nUPDATE t SET a = 1;\nROLLBACK;\n");

        assertEquals("UPDATE without WHERE changes every row of t (guarded: undone by the ROLLBACK at line 3)",
                findings.get(0).message());
    }

    @Test
    void aSchemaChangeCommitsTheTransactionWhereTheDatabaseCommitsBeforeIt() {
        String sql = "START TRANSACTION;\nUPDATE t SET a = 1;\nCREATE TABLE u (a int);\nDELETE FROM v;\nROLLBACK;\n";

        assertEquals(List.of("2:1 update-without-where INFO", "4:1 delete-without-where INFO"),
                OneScript.placesAndSeverities(Dialect.POSTGRESQL, sql));
        assertEquals(List.of("2:1 update-without-where ERROR", "4:1 delete-without-where ERROR"),
                OneScript.placesAndSeverities(Dialect.MARIADB, sql));
    }
}
