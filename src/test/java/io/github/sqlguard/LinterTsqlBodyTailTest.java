package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * T-SQL reads a routine's body up to the next GO: statements after the END of a body written as BEGIN .. END
 * belong to the routine and run at each call, and are not lowered like the code only a call runs.
 */
class LinterTsqlBodyTailTest {

    private static final String AFTER_END = "after its END: T-SQL reads on to the next GO as its body";

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void statementsAfterTheEndOfAProcedureBeforeGoKeepTheirSeverity(Dialect dialect) throws IOException {
        List<String> findings = severities(dialect, """
                CREATE PROCEDURE #drop_default AS
                BEGIN
                  DECLARE @x INT;
                  IF @x = 1 BEGIN DELETE FROM orders; END
                  SELECT CASE WHEN @x = 1 THEN 'a' ELSE 'b' END;
                END;
                DELETE FROM orders;
                GO
                ALTER TABLE orders DROP COLUMN note;
                GO""");

        assertEquals(List.of("4 INFO delete-without-where false", "7 ERROR delete-without-where true",
                "9 ERROR drop-column false"), findings);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void aBodyThatEndsAtGoOrIsATryAndCatchHasNoTail(Dialect dialect) throws IOException {
        List<String> findings = severities(dialect, """
                CREATE PROCEDURE dbo.tidy AS
                BEGIN TRY
                  DELETE FROM orders;
                END TRY
                BEGIN CATCH
                  DELETE FROM audit;
                END CATCH
                GO
                CREATE PROCEDURE dbo.purge AS
                BEGIN
                  DELETE FROM orders;
                END;
                GO""");

        assertEquals(List.of("3 INFO delete-without-where false", "6 INFO delete-without-where false",
                "11 INFO delete-without-where false"), findings);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void aBeginFollowedByASemicolonInsideTheBodyOpensABlock(Dialect dialect) throws IOException {
        List<String> findings = severities(dialect, """
                CREATE PROCEDURE dbo.purge AS
                BEGIN
                  IF @x = 1
                  BEGIN
                    DELETE FROM audit;
                  END
                  ELSE
                  BEGIN
                  ;WITH c AS (SELECT 1 AS id)
                  SELECT id FROM c;
                  END
                  ;
                  DELETE FROM orders;
                END
                GO""");

        assertEquals(List.of("5 INFO delete-without-where false", "13 INFO delete-without-where false"), findings);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SQLSERVER", "AUTO"})
    void aBeginWithASemicolonThatFollowsAStatementOpensABlockToo(Dialect dialect) throws IOException {
        // Inside a body, BEGIN; never starts a transaction (T-SQL writes BEGIN TRAN): it opens a block.
        List<String> findings = severities(dialect, """
                CREATE PROCEDURE dbo.check_all AS
                BEGIN
                  SET @n = 1;
                  BEGIN;
                    DELETE FROM audit;
                  END;
                  BEGIN;
                    SELECT 2;
                  END;
                  DELETE FROM orders;
                END;
                GO""");

        assertEquals(List.of("5 INFO delete-without-where false", "10 INFO delete-without-where false"), findings);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MYSQL"})
    void otherDatabasesEndTheRoutineAtItsEnd(Dialect dialect) throws IOException {
        List<String> findings = severities(dialect, """
                CREATE PROCEDURE purge() BEGIN DELETE FROM orders; END;
                DELETE FROM orders;""");

        assertEquals(List.of("2 ERROR delete-without-where false"), findings.subList(findings.size() - 1,
                findings.size()));
    }

    private List<String> severities(Dialect dialect, String sql) throws IOException {
        return ProjectLint.findingsOfScript(project, dialect, sql).stream()
                .map(f -> f.location().line() + " " + f.severity() + " " + f.ruleId() + " "
                        + f.message().contains(AFTER_END)).toList();
    }
}
