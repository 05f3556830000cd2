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
 * A subquery that selects a name its own table lacks but the changed table has reads the changed row's column:
 * {@code ref NOT IN (SELECT ref FROM parents)}, parents having no column ref, compares each row's ref with itself, so
 * it holds for every row when parents is empty and for none otherwise, and the IN form holds for every row as soon
 * as parents has one. An orphan cleanup written so removes nothing it means to, or everything.
 */
class LinterSubqueryOfOuterColumnTest {

    private static final String SCHEMA = """
            CREATE TABLE parents (id VARCHAR(36) PRIMARY KEY, created_at TIMESTAMP);
            CREATE TABLE children (id VARCHAR(36) PRIMARY KEY, ref VARCHAR(36) NOT NULL, note VARCHAR(20));
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | DELETE FROM children WHERE ref NOT IN (SELECT ref FROM parents) | unfiltered-subquery | 1:1
            POSTGRESQL | DELETE FROM children WHERE ref NOT IN (SELECT ref FROM parents) | unfiltered-subquery | 1:1
            MYSQL      | DELETE FROM children WHERE (ref NOT IN (SELECT ref FROM parents)) | unfiltered-subquery | 1:1
            POSTGRESQL | UPDATE children SET note = 'x' WHERE ref NOT IN (SELECT ref FROM parents) \
            | unfiltered-subquery | 1:1
            POSTGRESQL | DELETE FROM children WHERE ref IN (SELECT ref FROM parents) | unfiltered-subquery | 1:1
            POSTGRESQL | DELETE FROM children WHERE ref NOT IN (SELECT id FROM parents) | |
            POSTGRESQL | DELETE FROM children WHERE ref NOT IN (SELECT p.ref FROM parents p) | |
            POSTGRESQL | DELETE FROM children WHERE ref NOT IN (SELECT ref FROM legacy_parents) | |
            POSTGRESQL | DELETE FROM children WHERE ref NOT IN (SELECT missing FROM parents) | |
            POSTGRESQL | DELETE FROM children WHERE ref NOT IN (SELECT ref FROM parents WHERE created_at > NOW()) | |
            """)
    void aSubqueryColumnOfTheChangedRow(Dialect dialect, String statement, String rule, String at) throws IOException {
        TestProject.write(project, "db/V1__init.sql", SCHEMA);
        TestProject.write(project, "db/V2__purge.sql", statement + ";\n");

        List<String> found = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.location().path().endsWith("V2__purge.sql"))
                .map(f -> f.ruleId() + " " + f.location().line() + ":" + f.location().column()).toList();

        assertEquals(rule == null ? List.of() : List.of(rule + " " + at), found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM children WHERE ref NOT IN (SELECT ref FROM parents) | DELETE on children is limited only by \
            a subquery that selects ref, a column of children that parents does not have, so it compares each row's \
            ref with itself: it removes every row of children whenever parents is empty, and none otherwise
            DELETE FROM children WHERE ref IN (SELECT ref FROM parents) | DELETE on children is limited only by a \
            subquery that selects ref, a column of children that parents does not have, so it compares each row's \
            ref with itself: it removes every row of children as soon as parents has a row
            """)
    void theMessageNamesTheColumnThatIsTheRowsOwn(String statement, String message) throws IOException {
        TestProject.write(project, "db/V1__init.sql", SCHEMA);
        TestProject.write(project, "db/V2__purge.sql", statement + ";\n");

        List<Finding> found = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().path().endsWith("V2__purge.sql")).toList();

        assertEquals(1, found.size(), found.toString());
        assertEquals(message, found.get(0).message());
    }
}
