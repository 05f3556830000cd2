package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE that selects rows by the length of a column which the same script then narrows removes the rows the
 * narrowing would not keep: {@code delete-before-narrowing} at the DELETE. Where it removed every row longer than the
 * new type holds, the narrowing keeps every value left and is not reported as well. A DELETE by length that nothing
 * narrows after, or by another column, or of short values, stays quiet; so does a narrowing in a later migration,
 * reported as a narrowing.
 */
class LinterDeleteBeforeNarrowingTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | DELETE FROM requests WHERE LENGTH(request_id) > 40               | ALTER TABLE requests MODIFY request_id VARCHAR(40)             | delete-before-narrowing 1:1
            MYSQL      | DELETE FROM requests WHERE CHAR_LENGTH(requests.request_id) >= 41 | ALTER TABLE requests MODIFY COLUMN request_id VARCHAR(40)      | delete-before-narrowing 1:1
            MYSQL      | DELETE FROM requests WHERE 40 < LENGTH(request_id)               | ALTER TABLE requests CHANGE request_id request_id VARCHAR(40)  | delete-before-narrowing 1:1
            POSTGRESQL | DELETE FROM requests AS r WHERE 40 < octet_length(r.request_id)  | ALTER TABLE requests ALTER request_id TYPE varchar(40)         | delete-before-narrowing 1:1
            POSTGRESQL | DELETE FROM requests WHERE length(request_id) > 40               | ALTER TABLE requests ALTER COLUMN request_id TYPE varchar(40)  | delete-before-narrowing 1:1
            POSTGRESQL | DELETE FROM requests WHERE char_length(request_id) > 30 AND id > 5 | ALTER TABLE requests ALTER COLUMN request_id TYPE varchar(40) | delete-before-narrowing 1:1
            MYSQL      | DELETE FROM requests WHERE LENGTH(request_id) > 60               | ALTER TABLE requests MODIFY request_id VARCHAR(40)             | delete-before-narrowing 1:1, alter-column-type 2:22
            MYSQL      | DELETE FROM requests WHERE LENGTH(note) > 40                     | ALTER TABLE requests MODIFY request_id VARCHAR(40)             | alter-column-type 2:22
            MYSQL      | DELETE FROM requests WHERE LENGTH(request_id) < 40               | ALTER TABLE requests MODIFY request_id VARCHAR(40)             | alter-column-type 2:22
            MYSQL      | DELETE FROM requests WHERE LENGTH(request_id) > 40               | ALTER TABLE requests MODIFY request_id VARCHAR(200)            | -
            MYSQL      | DELETE FROM requests WHERE LENGTH(request_id) > 40               | SELECT 1                                                       | -
            """)
    void deleteByLengthBeforeANarrowingOfTheSameScript(Dialect dialect, String delete, String after, String expected)
            throws IOException {
        String schema = dialect == Dialect.POSTGRESQL
                ? "CREATE TABLE requests (id bigint PRIMARY KEY, request_id varchar(100), note text);\n"
                : "CREATE TABLE requests (id BIGINT PRIMARY KEY, request_id VARCHAR(100), note TEXT);\n";
        List<Finding> findings = lint(dialect, schema, delete + ";\n" + after + ";\n", null);

        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), places(findings));
    }

    @Test
    void messageNamesTheNarrowingAndItsLine() throws IOException {
        List<Finding> findings = lint(Dialect.MYSQL, "CREATE TABLE requests (id BIGINT PRIMARY KEY,"
                + " request_id VARCHAR(100));\n", "DELETE FROM requests WHERE LENGTH(request_id) > 40;\n"
                + "ALTER TABLE requests MODIFY request_id VARCHAR(40);\n", null);

        assertEquals(List.of("DELETE removes every row of requests whose request_id is longer than 40, before"
                + " request_id is narrowed to VARCHAR(40) at line 2: the rows whose value would not fit are deleted"
                + " whole"), findings.stream().map(Finding::message).toList());
    }

    /** A later migration may be added without touching the DELETE's: it is judged as a narrowing of its own. */
    @Test
    void narrowingInALaterMigrationIsReportedThere() throws IOException {
        List<Finding> findings = lint(Dialect.MYSQL, "CREATE TABLE requests (id BIGINT PRIMARY KEY,"
                + " request_id VARCHAR(100));\n", "DELETE FROM requests WHERE LENGTH(request_id) > 40;\n",
                "ALTER TABLE requests MODIFY request_id VARCHAR(40);\n");

        assertEquals(List.of("V3 alter-column-type 1:22"), findings.stream().map(f -> (f.location().path()
                .contains("V3__") ? "V3" : "V2") + " " + f.ruleId() + " " + f.location().line() + ":"
                + f.location().column()).toList());
    }

    private static List<String> places(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.location().line() + ":" + f.location().column())
                .toList();
    }

    private List<Finding> lint(Dialect dialect, String schema, String sql, String later) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), schema, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        if (later != null) {
            Files.writeString(project.resolve("db/V3__narrow.sql"), later, StandardCharsets.UTF_8);
        }
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> !f.location().path().toString().contains("V1__")).toList();
    }
}
