package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE whose USING list joins tables is a form JSqlParser rejects: MySQL's {@code DELETE FROM t USING t JOIN u}
 * (the FROM names the tables to delete from, the list joins them) and PostgreSQL's {@code DELETE FROM t USING u JOIN
 * v} (the list only reads other tables). Read from its tokens alone, it is judged as its dialect runs it and gets no
 * unparsed-statement warning: under {@code auto} too, where the FROM list tells the two forms apart. Each line: the
 * dialect, the statement, and the rules of its findings.
 */
class LinterDeleteUsingJoinTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AUTO       | DELETE FROM ccv USING custom_value ccv INNER JOIN category c ON c.id = ccv.category_id |
            AUTO       | DELETE FROM ccv USING custom_value ccv LEFT JOIN category c ON c.id = ccv.category_id  | delete-without-where
            MYSQL      | DELETE FROM ccv USING custom_value ccv JOIN category c ON c.id = ccv.category_id       |
            AUTO       | DELETE FROM custom_value USING category c JOIN region r ON r.id = c.region_id          | delete-without-where
            POSTGRESQL | DELETE FROM custom_value USING category c JOIN region r ON r.id = c.region_id          | delete-without-where
            POSTGRESQL | DELETE FROM custom_value v USING category c JOIN region r ON r.id = c.region_id WHERE v.category_id = c.id AND r.closed |
            """)
    void aJoinInTheUsingListIsReadFromTokens(Dialect dialect, String delete, String rules) throws IOException {
        TestProject.write(project, "db/V1__prune.sql", delete + ";\n");

        List<String> found = TestProject.lint(project, dialect).findings().stream().map(f -> f.ruleId()).toList();

        assertEquals(rules == null ? List.of() : List.of(rules), found);
    }

    /** PostgreSQL refuses a target the USING list names again; the parser's rejection is then worth its warning. */
    @Test
    void aPostgresTargetNamedAgainInTheListStillGoesToTheParser() throws IOException {
        TestProject.write(project, "db/V1__prune.sql", "DELETE FROM t USING t JOIN u ON t.id = u.t_id;\n");

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream().map(f -> f.ruleId())
                .toList();

        assertTrue(found.contains("unparsed-statement"), found::toString);
    }
}
