package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE that names only variables its block declares ({@code DECLARE purge_all boolean := true; .. DELETE FROM
 * orders WHERE purge_all}) is a switch, like one of T-SQL's {@code @variables}: it holds for every row or for none.
 * A column named beside them, a variable qualified as a record's field, or a name the block does not declare still
 * counts as a restriction.
 */
class LinterBlockVariableWhereTest {

    @TempDir
    Path project;

    /** Each row: the dialect, the block's declarations and its DELETE's condition, the rule found on the DELETE. */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | purge_all boolean := true;          | purge_all                  | delete-without-where
            POSTGRESQL | lim int := 0; mode text := 'all';   | lim = 0 AND mode = 'all'   | delete-without-where
            POSTGRESQL | lim int := 0;                       | total > lim                | -
            POSTGRESQL | lim int := 0;                       | purge_all                  | -
            POSTGRESQL | r record;                           | r.total > 0                | -
            POSTGRESQL | c CURSOR FOR SELECT id FROM orders;  | c = 1                      | -
            ORACLE     | v_all CHAR(1) := 'Y';               | v_all = 'Y'                | delete-without-where
            ORACLE     | v_all CHAR(1) := 'Y';               | v_all = 'Y' AND id > 10    | -
            """)
    void aConditionOfTheBlocksVariablesOnlyTouchesEveryRow(Dialect dialect, String declarations, String condition,
            String expected) throws IOException {
        String block = dialect == Dialect.POSTGRESQL
                ? "DO $$\nDECLARE " + declarations + "\nBEGIN\n  DELETE FROM orders WHERE " + condition + ";\nEND $$;\n"
                : "DECLARE " + declarations + "\nBEGIN\n  DELETE FROM orders WHERE " + condition + ";\nEND;\n/\n";

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), deleteFindings(dialect, block));
    }

    @Test
    void aMySqlProcedureLocalIsAVariableToo() throws IOException {
        String procedure = """
                DELIMITER //
                CREATE PROCEDURE purge()
                BEGIN
                  DECLARE done, wipe INT DEFAULT 1;
                  DELETE FROM orders WHERE wipe = 1;
                  DELETE FROM orders WHERE total > wipe;
                END //
                DELIMITER ;
                CALL purge();
                """;

        assertEquals(List.of("delete-without-where"), deleteFindings(Dialect.MYSQL, procedure));
    }

    @Test
    void theMessageSaysTheWhereReadsOnlyVariables() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", "CREATE TABLE orders (id INT PRIMARY KEY, total INT);\n");
        TestProject.write(project, "db/V2__purge.sql",
                "DO $$\nDECLARE purge_all boolean := true;\nBEGIN\n  DELETE FROM orders WHERE purge_all;\nEND $$;\n");

        assertEquals(List.of("db/V2__purge.sql:4:3 delete-without-where DELETE whose WHERE names no column of orders,"
                + " only variables, removes every row of orders whenever it holds (inside DO block)"),
                TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                        .map(LinterChangelogChangesTest::line).toList());
    }

    private List<String> deleteFindings(Dialect dialect, String script) throws IOException {
        TestProject.write(project, "db/V1__tables.sql", "CREATE TABLE orders (id INT PRIMARY KEY, total INT);\n");
        TestProject.write(project, "db/V2__purge.sql", script);
        return TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.location().path().endsWith("V2__purge.sql"))
                .filter(f -> List.of("delete-without-where", "always-true-where", "unfiltered-subquery")
                        .contains(f.ruleId()))
                .map(f -> f.ruleId()).toList();
    }

    /** Each row: a routine that takes a parameter and a call of it, whether its DELETE is found. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plpgsql function | POSTGRESQL | true
            sql function     | POSTGRESQL | false
            mysql procedure  | MYSQL      | true
            """)
    void aRoutinesParametersAreVariablesOfItsBody(String routine, Dialect dialect, boolean found) throws IOException {
        String script = switch (routine) {
            case "plpgsql function" -> "CREATE FUNCTION purge(p_all boolean) RETURNS void AS $$\nBEGIN\n"
                    + "  DELETE FROM orders WHERE p_all;\nEND $$ LANGUAGE plpgsql;\nSELECT purge(true);\n";
            case "sql function" -> "CREATE FUNCTION purge(p_all boolean) RETURNS void AS $$\n"
                    + "  DELETE FROM orders WHERE p_all;\n$$ LANGUAGE sql;\nSELECT purge(true);\n";
            default -> "DELIMITER //\nCREATE PROCEDURE purge(IN wipe INT)\nBEGIN\n"
                    + "  DELETE FROM orders WHERE wipe = 1;\nEND //\nDELIMITER ;\nCALL purge(1);\n";
        };

        // A body a call with literals runs is reported in the body and, for MySQL's CALL, at the call as well.
        assertEquals(found, deleteFindings(dialect, script).contains("delete-without-where"));
    }
}
