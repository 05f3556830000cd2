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
 * A project that moves from Liquibase to Flyway drops Liquibase's lock table, which holds only the lock of an update
 * that is running: nothing is lost. Its run history, DATABASECHANGELOG, records what ran and stays a drop-table.
 */
class LinterLiquibaseLockTableDropTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DROP TABLE IF EXISTS databasechangeloglock                    |
            POSTGRESQL | DROP TABLE public."DATABASECHANGELOGLOCK"                     |
            SQLSERVER  | DROP TABLE [dbo].[DATABASECHANGELOGLOCK]                      |
            MYSQL      | DROP TABLE IF EXISTS `DATABASECHANGELOGLOCK`                  |
            POSTGRESQL | DROP TABLE IF EXISTS databasechangelog                        | 1:1 drop-table
            POSTGRESQL | DROP TABLE databasechangeloglock, orders                      | 1:1 drop-table
            POSTGRESQL | DROP TABLE databasechangeloglock_archive                      | 1:1 drop-table
            """)
    void theLockTableHoldsNothingToLose(Dialect dialect, String statement, String expected) throws IOException {
        TestProject.write(project, "db/V1__drop_liquibase.sql", statement + ";\n");

        List<String> found = ProjectLint.findings(project, dialect).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList();

        assertEquals(expected == null ? List.of() : List.of(expected), found);
    }
}
