package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML changelog may list a column's settings straight under {@code columns:} ({@code - name: x} with
 * {@code type:} beside it), without the {@code column:} key; Liquibase reads that item as a column too.
 */
class LinterYamlBareColumnItemsTest {

    @TempDir
    Path project;

    @Test
    void aFillOfABareColumnAddedInTheSameChangesetIsGuarded() throws IOException {
        write("""
                databaseChangeLog:
                - changeSet:
                    id: 1
                    author: a
                    changes:
                    - createTable:
                        tableName: runs
                        columns:
                        - column:
                            name: id
                            type: int
                - changeSet:
                    id: 2
                    author: a
                    changes:
                    - addColumn:
                        tableName: runs
                        columns:
                        - name: started_at
                          type: datetime(3)
                          constraints:
                            nullable: true
                    - sql:
                        sql: update runs set started_at = now()
                """);

        assertEquals(List.of("INFO db/changelog.yml:24:14 update-without-where UPDATE without WHERE changes every row"
                + " of runs (guarded: column started_at was added earlier in this changeset and nothing has written"
                + " it since) (changeset a:2)"), findings());
    }

    @Test
    void bareColumnsOfACreateTableGiveTheirTypesToTheReplay() throws IOException {
        write("""
                databaseChangeLog:
                - changeSet:
                    id: 1
                    author: a
                    changes:
                    - createTable:
                        tableName: notes
                        columns:
                        - name: id
                          type: int
                        - name: body
                          type: varchar(200)
                - changeSet:
                    id: 2
                    author: a
                    changes:
                    - modifyDataType:
                        tableName: notes
                        columnName: body
                        newDataType: varchar(20)
                """);

        assertEquals(List.of("WARNING db/changelog.yml:17:7 alter-column-type ALTER TABLE notes changes the type of column"
                + " body from varchar(200) to varchar(20) (shorter: 200 to 20 characters) (changeset a:2)"),
                findings());
    }

    @Test
    void aBareColumnOfADropColumnIsNamedInTheFinding() throws IOException {
        write("""
                databaseChangeLog:
                - changeSet:
                    id: 1
                    author: a
                    changes:
                    - createTable:
                        tableName: notes
                        columns:
                        - column:
                            name: id
                            type: int
                        - column:
                            name: body
                            type: text
                - changeSet:
                    id: 2
                    author: a
                    changes:
                    - dropColumn:
                        tableName: notes
                        columns:
                        - name: body
                """);

        assertEquals(List.of("ERROR db/changelog.yml:19:7 drop-column ALTER TABLE notes drops column body (changeset a:2)"),
                findings());
    }

    private List<String> findings() {
        return TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(finding -> finding.severity() + " " + LinterChangelogChangesTest.line(finding)).toList();
    }

    private void write(String text) throws IOException {
        TestProject.write(project, "db/changelog.yml", text);
    }
}
