package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A ROLLBACK that always runs undoes the copy its transaction made, so the copy guards no later drop; one that runs
 * only when something failed (a T-SQL {@code IF @@ERROR} branch) leaves the guard, as do the rollback of another,
 * prepared transaction, a rollback after the COMMIT of the copy or to a savepoint after it, and MySQL's, whose
 * CREATE TABLE commits first.
 */
class LinterRolledBackCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | BEGIN;\\nCREATE TABLE orders_bak AS SELECT * FROM orders;\\nROLLBACK; | ERROR
            POSTGRESQL | BEGIN;\\nCREATE TABLE orders_bak AS SELECT * FROM orders;\\nABORT; | ERROR
            MYSQL      | CREATE TABLE orders_bak LIKE orders;\\nSTART TRANSACTION;\\n\
            INSERT INTO orders_bak SELECT * FROM orders;\\nROLLBACK WORK; | ERROR
            SQLSERVER  | BEGIN TRAN;\\nSELECT * INTO orders_bak FROM orders;\\n\
            IF @@ERROR <> 0 BEGIN ROLLBACK TRAN; RETURN; END | INFO
            POSTGRESQL | CREATE TABLE orders_bak AS SELECT * FROM orders;\\nROLLBACK PREPARED 'batch-7'; | INFO
            POSTGRESQL | BEGIN;\\nCREATE TABLE orders_bak AS SELECT * FROM orders;\\nCOMMIT;\\nBEGIN;\\nROLLBACK; | INFO
            POSTGRESQL | BEGIN;\\nCREATE TABLE orders_bak AS SELECT * FROM orders;\\nSAVEPOINT s;\\n\
            ROLLBACK TO SAVEPOINT s;\\nCOMMIT; | INFO
            MYSQL      | START TRANSACTION;\\nCREATE TABLE orders_bak AS SELECT * FROM orders;\\nROLLBACK; | INFO
            """)
    void aRollbackUndoesTheCopy(Dialect dialect, String before, String severity) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note VARCHAR(20));\n");
        TestProject.write(project, "db/V2__move.sql", before.replace("\\n", "\n") + "\nDROP TABLE orders;\n");

        List<Finding> drops = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(severity, drops.get(0).severity().name(), drops.get(0).message());
    }
}
