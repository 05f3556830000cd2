package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.ScriptMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changeset's rollback code runs as one sequence against the schema its changeset left: a change of it sees the
 * columns and types its earlier changes gave, and none of it reaches the changesets after it.
 */
class LinterRollbackReplayTest {

    private static final String TABLE = """
            databaseChangeLog:
            - changeSet:
                id: 1
                author: a
                changes:
                - createTable:
                    tableName: resource
                    columns:
                    - column:
                        name: id
                        type: int
                    - column:
                        name: api_version
                        type: varchar(255)
            """;

    @Test
    void aNotNullConstraintOnAColumnTheRollbackReAddedKeepsItsType() throws IOException {
        write(TABLE + """
                - changeSet:
                    id: 2
                    author: a
                    changes:
                    - dropColumn:
                        tableName: resource
                        columnName: api_version
                    rollback:
                    - addColumn:
                        tableName: resource
                        column:
                          name: api_version
                          type: varchar(255)
                    - addNotNullConstraint:
                        tableName: resource
                        columnName: api_version
                        columnDataType: varchar(255)
                """);

        assertEquals(List.of("ERROR db/changelog.yml:19:7 drop-column ALTER TABLE resource drops column api_version"
                + " (changeset a:2)"), findings());
    }

    @Test
    void aNarrowingOfAColumnTheRollbackReAddedIsMeasuredAgainstItsNewType() throws IOException {
        write(TABLE + """
                - changeSet:
                    id: 2
                    author: a
                    changes:
                    - dropColumn:
                        tableName: resource
                        columnName: api_version
                    rollback:
                    - addColumn:
                        tableName: resource
                        column:
                          name: api_version
                          type: varchar(100)
                    - modifyDataType:
                        tableName: resource
                        columnName: api_version
                        newDataType: varchar(10)
                """);

        assertEquals(List.of(
                "ERROR db/changelog.yml:19:7 drop-column ALTER TABLE resource drops column api_version (changeset a:2)",
                "WARNING db/changelog.yml:28:7 alter-column-type ALTER TABLE resource changes the type of column"
                        + " api_version from varchar(100) to varchar(10) (shorter: 100 to 10 characters)"
                        + " (changeset a:2 rollback: runs only on rollback)"),
                findings());
    }

    @Test
    void whatOneRollbackAddsStaysOutOfTheNextChangesetAndItsRollback() throws IOException {
        write(TABLE + """
                - changeSet:
                    id: 2
                    author: a
                    changes:
                    - dropColumn:
                        tableName: resource
                        columnName: api_version
                    rollback:
                    - addColumn:
                        tableName: resource
                        column:
                          name: api_version
                          type: varchar(100)
                - changeSet:
                    id: 3
                    author: a
                    changes:
                    - tagDatabase:
                        tag: v3
                    rollback:
                    - modifyDataType:
                        tableName: resource
                        columnName: api_version
                        newDataType: varchar(10)
                """);

        assertEquals(List.of(
                "ERROR db/changelog.yml:19:7 drop-column ALTER TABLE resource drops column api_version (changeset a:2)",
                "WARNING db/changelog.yml:35:7 alter-column-type ALTER TABLE resource changes the type of column"
                        + " api_version to varchar(10) (its type before is not known: table resource has no column"
                        + " api_version in the statements replayed before this one) (changeset a:3 rollback: runs"
                        + " only on rollback)"),
                findings());
    }

    private List<String> findings() {
        LintConfig defaults = TestProject.config(project, Dialect.MYSQL);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                new LiquibaseConfig(ScriptMode.CHECK, Map.of()), List.of(), null, defaults.maxFileBytes(), 2))
                .findings().stream().map(finding -> finding.severity() + " " + LinterChangelogChangesTest.line(finding)).toList();
    }

    private void write(String text) throws IOException {
        TestProject.write(project, "db/changelog.yml", text);
    }

    @TempDir
    Path project;
}
