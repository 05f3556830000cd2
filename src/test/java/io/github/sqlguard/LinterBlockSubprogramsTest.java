package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle: a procedure or function that an anonymous PL/SQL block declares for itself and calls with literals is
 * followed into with them, as a procedure the script creates is: the finding at the call names the table the
 * literal names.
 */
class LinterBlockSubprogramsTest {

    @TempDir
    Path project;

    @BeforeEach
    void createTables() throws IOException {
        TestProject.write(project, "db/V1__tables.sql", "CREATE TABLE orders (id NUMBER);\n"
                + "CREATE TABLE items (id NUMBER);\n");
    }

    @Test
    void eachCallOfADeclaredProcedureIsReportedWithItsOwnTable() throws IOException {
        TestProject.write(project, "db/V2__drop.sql", """
                DECLARE
                  PROCEDURE drop_it(t VARCHAR2) IS
                  BEGIN
                    EXECUTE IMMEDIATE 'DROP TABLE ' || t;
                  END;
                BEGIN
                  drop_it('ORDERS');
                  Drop_It('ITEMS');
                END;
                /
                """);

        assertEquals(List.of(
                "db/V2__drop.sql:7:3 drop-table ERROR DROP TABLE removes table ORDERS and all its rows"
                        + " (at db/V2__drop.sql:4:24, in drop_it, which this script created and this statement calls)"
                        + " (inside PL/SQL block)",
                "db/V2__drop.sql:8:3 drop-table ERROR DROP TABLE removes table ITEMS and all its rows"
                        + " (at db/V2__drop.sql:4:24, in drop_it, which this script created and this statement calls)"
                        + " (inside PL/SQL block)"),
                callFindings("db/V2__drop.sql", 7, 8));
    }

    /**
     * Where every call passes literals, the body as written runs only through them: what it builds from run-time
     * values is reported at the calls, and the body itself no more than a routine body nobody else calls.
     */
    @Test
    void aBodyCalledOnlyWithLiteralsIsNoLongerAnErrorWhereItIsWritten() throws IOException {
        TestProject.write(project, "db/V2__drop.sql", """
                DECLARE
                  PROCEDURE drop_it(t VARCHAR2) IS
                  BEGIN
                    EXECUTE IMMEDIATE 'DROP TABLE ' || t;
                  END;
                BEGIN
                  drop_it('ORDERS');
                END;
                /
                """);

        assertEquals(List.of("db/V2__drop.sql:4:5 runtime-sql INFO", "db/V2__drop.sql:4:24 drop-table INFO"),
                callFindings("db/V2__drop.sql", 1, 5));
    }

    /** A function declared after a variable, called in an assignment of a nested block, is followed too. */
    @Test
    void aFunctionOfANestedBlockCalledInAnExpressionIsFollowed() throws IOException {
        TestProject.write(project, "db/V2__truncate.sql", """
                BEGIN
                  DECLARE
                    n NUMBER;
                    FUNCTION emptied(p_table IN VARCHAR2) RETURN NUMBER IS
                    BEGIN
                      EXECUTE IMMEDIATE 'TRUNCATE TABLE ' || p_table;
                      RETURN 1;
                    END emptied;
                  BEGIN
                    n := emptied('items');
                  END;
                END;
                /
                """);

        assertEquals(List.of(
                "db/V2__truncate.sql:10:5 truncate-table ERROR TRUNCATE removes every row of table items"
                        + " (at db/V2__truncate.sql:6:26, in emptied, which this script created and this statement"
                        + " calls) (inside PL/SQL block)"),
                callFindings("db/V2__truncate.sql", 10, 10));
    }

    /** A call that passes a value known only at run time stays as before: the body is reported where it is. */
    @Test
    void aCallWithoutLiteralsIsNotFollowed() throws IOException {
        TestProject.write(project, "db/V2__drop.sql", """
                DECLARE
                  v_name VARCHAR2(30);
                  PROCEDURE drop_it(t VARCHAR2) IS
                  BEGIN
                    EXECUTE IMMEDIATE 'DROP TABLE ' || t;
                  END;
                BEGIN
                  SELECT table_name INTO v_name FROM user_tables WHERE ROWNUM = 1;
                  drop_it(v_name);
                END;
                /
                """);

        List<String> found = describe(lint());

        assertEquals(List.of(), callFindings("db/V2__drop.sql", 9, 9));
        assertEquals(List.of("db/V2__drop.sql:5:24 drop-table ERROR DROP TABLE removes table <run-time value> and all"
                + " its rows (inside PL/SQL block)"),
                found.stream().filter(f -> f.contains(" drop-table ")).toList());
    }

    /** Only the block that declares a subprogram can call it: a later block's call of that name reaches nothing. */
    @Test
    void aCallOutsideTheDeclaringBlockDoesNotReachItsSubprogram() throws IOException {
        TestProject.write(project, "db/V2__drop.sql", """
                DECLARE
                  PROCEDURE drop_it(t VARCHAR2) IS
                  BEGIN
                    EXECUTE IMMEDIATE 'DROP TABLE ' || t;
                  END;
                BEGIN
                  NULL;
                END;
                /
                BEGIN
                  drop_it('ORDERS');
                END;
                /
                """);
        TestProject.write(project, "db/V3__drop.sql", """
                BEGIN
                  drop_it('ITEMS');
                END;
                /
                """);

        assertEquals(List.of(), callFindings("db/V2__drop.sql", 7, 13));
        assertEquals(List.of(), callFindings("db/V3__drop.sql", 1, 4));
    }

    /** The findings of {@code path} on lines {@code from} to {@code to}. */
    private List<String> callFindings(String path, int from, int to) {
        return describe(lint()).stream().filter(f -> f.startsWith(path + ":")).filter(f -> {
            int line = Integer.parseInt(f.substring(path.length() + 1, f.indexOf(':', path.length() + 1)));
            return line >= from && line <= to;
        }).toList();
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()
                        + (f.severity() == Severity.INFO ? "" : " " + f.message()))
                .toList();
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.ORACLE, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
