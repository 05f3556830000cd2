package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Regular expression, SIMILAR TO and GLOB tests whose pattern matches every text restrict a DELETE or UPDATE no more
 * than {@code LIKE '%'} does: on a NOT NULL column, or next to an IS NULL test of the column, they select every row.
 */
class LinterEveryTextPatternTest {

    private static final String SCHEMA = "CREATE TABLE members (id INT PRIMARY KEY, login VARCHAR(40) NOT NULL,"
            + " nick VARCHAR(40));\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL      | DELETE FROM members WHERE login REGEXP '.*'                   | 1
            MYSQL      | DELETE FROM members WHERE login RLIKE '^'                     | 1
            MARIADB    | UPDATE members SET nick = NULL WHERE login REGEXP '^.*'       | 1
            POSTGRESQL | DELETE FROM members WHERE login ~ '.*'                        | 1
            POSTGRESQL | DELETE FROM members WHERE login ~* '.*$'                      | 1
            POSTGRESQL | DELETE FROM members WHERE login SIMILAR TO '%'                | 1
            SQLITE     | DELETE FROM members WHERE login GLOB '*'                      | 1
            H2         | DELETE FROM members WHERE nick REGEXP '.*' OR nick IS NULL    | 1
            POSTGRESQL | DELETE FROM members WHERE id = 3 OR login ~ '.*'              | 1
            POSTGRESQL | DELETE FROM members WHERE nick ~ '.*'                         | 0
            MYSQL      | DELETE FROM members WHERE login REGEXP '^.*$'                 | 0
            MYSQL      | DELETE FROM members WHERE login REGEXP ''                     | 0
            MYSQL      | DELETE FROM members WHERE login REGEXP '^a.*'                 | 0
            MYSQL      | DELETE FROM members WHERE login REGEXP '.+'                   | 0
            POSTGRESQL | DELETE FROM members WHERE login !~ '.*'                       | 0
            POSTGRESQL | DELETE FROM members WHERE login SIMILAR TO '.*'               | 0
            POSTGRESQL | DELETE FROM members WHERE login NOT SIMILAR TO '%'            | 0
            SQLITE     | DELETE FROM members WHERE login GLOB '*a'                     | 0
            """)
    void judgesPatternsThatMatchEveryText(Dialect dialect, String sql, int expected) throws IOException {
        assertEquals(expected, alwaysTrue(dialect, sql).size(), alwaysTrue(dialect, sql).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM members WHERE login ~* '.*'         | login is declared NOT NULL, so login ~* '.*' holds for every row
            DELETE FROM members WHERE login SIMILAR TO '%%' | login is declared NOT NULL, so login SIMILAR TO '%%' holds for every row
            """)
    void messagesNameTheTestAsWritten(String sql, String expected) throws IOException {
        List<Finding> findings = alwaysTrue(Dialect.POSTGRESQL, sql);
        assertTrue(findings.stream().anyMatch(f -> f.message().contains(expected)), findings.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -- clear the members\\n  DELETE FROM members WHERE login REGEXP '.*' | 2 | 3
            UPDATE members SET nick = NULL\\nWHERE login REGEXP '.*'    | 1 | 1
            """)
    void pointsAtTheStatement(String sql, int line, int column) throws IOException {
        List<Finding> findings = alwaysTrue(Dialect.MYSQL, sql.replace("\\n", "\n"));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(line, findings.get(0).location().line());
        assertEquals(column, findings.get(0).location().column());
    }

    private List<Finding> alwaysTrue(Dialect dialect, String sql) throws IOException {
        // The table comes from an earlier migration: a table the same script creates is a scratch table.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(file, sql + ";\n", StandardCharsets.UTF_8);
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("always-true-where")).toList();
    }
}
