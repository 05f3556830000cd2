package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folded YAML scalar ({@code sql: >}) joins its lines with spaces before Liquibase sends it, so a line comment
 * in it runs on over the lines after it: {@code delete from t -- note} followed by {@code where id = 5} sends a
 * DELETE whose WHERE is part of the comment.
 */
class LinterYamlFoldedSqlCommentTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            folded, dash comment | >  | '--' | DELETE without WHERE removes every row of t (changeset a:1)
            folded, hash comment | >  | '#'  | DELETE without WHERE removes every row of t (changeset a:1)
            literal keeps lines  | '|' | '--' |
            """)
    void aLineCommentInAFoldedScalarSwallowsTheLinesAfterIt(String name, String style, String comment,
            String expected) throws IOException {
        TestProject.write(project, "db/changelog.yml", """
                databaseChangeLog:
                - changeSet:
                    id: 1
                    author: a
                    changes:
                    - sql:
                        sql: %s
                          delete from t %s only the one row
                          where id = 5
                """.formatted(style, comment));

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected == null ? List.of() : List.of("db/changelog.yml:8:11 delete-without-where " + expected),
                findings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain         | 'delete from t -- only the one row'   | '  where id = 5'
            double quoted | '"delete from t -- only the one row'  | '  where id = 5"'
            """)
    void aLineCommentInAPlainOrQuotedScalarOfSeveralLinesSwallowsTheLinesAfterIt(String name, String first,
            String second) throws IOException {
        TestProject.write(project, "db/changelog.yml", """
                databaseChangeLog:
                - changeSet:
                    id: 1
                    author: a
                    changes:
                    - sql:
                        sql: %s
                        %s
                """.formatted(first, second));

        List<String> findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(List.of("db/changelog.yml:7:%d delete-without-where DELETE without WHERE removes every row of t"
                .formatted(first.startsWith("d") ? 14 : 15) + " (changeset a:1)"), findings);
    }
}
