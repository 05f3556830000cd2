package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE that names every value of an {@code ENUM .. NOT NULL} column ({@code IN} list, or equalities joined by
 * OR) holds for every row: always-true-where, at the statement's verb. A value left out, a nullable or SET column,
 * or another condition joined by AND restricts.
 */
class LinterEnumCoverageWhereTest {

    private static final String SCHEMA = "CREATE TABLE jobs (\n"
            + "    id INT PRIMARY KEY,\n"
            + "    state ENUM('CREATED', 'RUNNING', 'DONE') NOT NULL,\n"
            + "    phase ENUM('a', 'b'),\n"
            + "    flags SET('x', 'y') NOT NULL,\n"
            + "    note VARCHAR(20)\n"
            + ");\n";

    private static final String EVERY_STATE = "state is declared ENUM('CREATED', 'RUNNING', 'DONE') NOT NULL, so the"
            + " condition names every value it holds";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            MYSQL   | DELETE FROM jobs WHERE state IN ('CREATED', 'RUNNING', 'DONE')                      | every
            MARIADB | UPDATE jobs SET note = 'x' WHERE state = 'DONE' OR 'CREATED' = state OR state = 'RUNNING' | every
            H2      | DELETE FROM jobs WHERE (state IN ('DONE', 'RUNNING') OR jobs.state = 'CREATED')       | every
            MYSQL   | DELETE FROM jobs WHERE state IN ('CREATED', 'RUNNING')                              | -
            MYSQL   | DELETE FROM jobs WHERE state IN ('CREATED', 'RUNNING', 'DONE') AND note = 'x'       | -
            MYSQL   | DELETE FROM jobs WHERE state NOT IN ('CREATED', 'RUNNING', 'DONE')                  | -
            MYSQL   | DELETE FROM jobs WHERE state = 'DONE' OR note = 'RUNNING' OR state = 'CREATED'      | -
            MYSQL   | DELETE FROM jobs WHERE phase IN ('a', 'b')                                          | -
            MYSQL   | DELETE FROM jobs WHERE flags IN ('x', 'y')                                          | -
            """)
    void aConditionNamingEveryEnumValueRestrictsNothing(Dialect dialect, String sql, String expected)
            throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(file, "-- clean up\n" + sql + ";\n", StandardCharsets.UTF_8);

        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("always-true-where"))
                .map(LinterEnumCoverageWhereTest::lineColumnAndReason).toList();
        assertEquals(expected == null ? List.of() : List.of("2:1 " + EVERY_STATE), findings);
    }

    private static String lineColumnAndReason(Finding finding) {
        String message = finding.message();
        int open = message.indexOf('(');
        int close = message.lastIndexOf(')');
        return finding.location().line() + ":" + finding.location().column() + " "
                + (open < 0 ? message : message.substring(open + 1, close));
    }
}
