package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A schema runner's {@code execute java com.acme.Step} line, which some process engines' upgrade scripts hold among
 * their statements: the runner runs the named class with its connection, so the line is an {@code unchecked-change}
 * at the class name, and it ends at its line, so the statement on the next line is read (and judged) on its own.
 */
class LinterRunnerJavaStepTest {

    private static final String STEP = "unchecked-change WARNING EXECUTE JAVA com.acme.upgrade.Step42 has the"
            + " migration runner run the Java class com.acme.upgrade.Step42 with its connection; sqlguard does not"
            + " read Java, so a DELETE, UPDATE or DROP it sends was not checked";

    private static List<String> findings(Dialect dialect, String sql) {
        return OneScript.findings(dialect, sql.replace("\\n", "\n")).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity()
                        + (f.ruleId().equals("unchecked-change") ? " " + f.message() : ""))
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | execute java com.acme.upgrade.Step42\\n\\n-- then\\ndelete from orders;",
        "MYSQL | execute java com.acme.upgrade.Step42\\ndelete from orders;",
        "SQLSERVER | execute java com.acme.upgrade.Step42\\ndelete from orders;",
        "ORACLE | execute java com.acme.upgrade.Step42\\ndelete from orders;",
        "H2 | EXECUTE JAVA com.acme.upgrade.Step42 ;\\ndelete from orders;",
        "AUTO | execute java com.acme.upgrade.Step42\\ndelete from orders;",
    })
    void theStepIsUncheckedAndTheNextStatementIsJudged(Dialect dialect, String sql) {
        assertEquals(List.of("1:14 " + STEP, (sql.contains("-- then") ? "4" : "2") + ":1 delete-without-where ERROR"),
                findings(dialect, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | execute java com.acme.upgrade.Step42\\nexecute java com.acme.upgrade.Step42",
        "MYSQL | create table orders (id int);\\n  execute java com.acme.upgrade.Step42\\n"
                + "execute java com.acme.upgrade.Step42;",
    })
    void eachStepIsReportedOnItsOwnLine(Dialect dialect, String sql) {
        List<String> found = findings(dialect, sql);
        int first = sql.startsWith("create") ? 2 : 1;
        assertEquals(List.of(first + ":" + (sql.startsWith("create") ? 16 : 14) + " " + STEP,
                (first + 1) + ":14 " + STEP), found);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // A prepared statement of PostgreSQL named java, and a routine of that name: no class is named.
        "POSTGRESQL | PREPARE java AS SELECT 1;\\nEXECUTE java;",
        "SQLSERVER | EXECUTE java @mode = 1;",
        // A name without a package and a name cut at a dot are no class.
        "POSTGRESQL | EXECUTE java Step42;",
        "AUTO | -- execute java com.acme.upgrade.Step42\\nSELECT 1;",
    })
    void otherExecutesAreNoJavaStep(Dialect dialect, String sql) {
        assertEquals(List.of(), findings(dialect, sql).stream().filter(f -> f.contains("EXECUTE JAVA")).toList());
    }
}
