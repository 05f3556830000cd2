package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A changeset's rollback, modifySql or preConditions written inside one of its changes is passed over by Liquibase
 * without a word: sqlguard names it, so the author learns that it never takes effect.
 */
class LinterMisplacedChangeSetSettingsTest {

    private static final String HEADER = """
            databaseChangeLog:
              - changeSet:
                  id: 1
                  author: a
                  changes:
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a rollback indented one level too far: a key of the createTable
        "rollback key of a change | '        - createTable:\\n            tableName: t\\n            columns:\\n"
            + "              - column:\\n                  name: a\\n                  type: int\\n"
            + "            rollback:\\n              - dropTable:\\n                  tableName: t\\n'"
            + " | 12:13 rollback stands inside the createTable at line 6, where Liquibase does not read it: rolling"
            + " the changeset back never runs it (Liquibase uses its own inverse of the changes instead, or refuses"
            + " the rollback where they have none) (changeset a:1)",
        "rollback scalar of a change | '        - dropColumn:\\n            tableName: t\\n            columnName: c\\n"
            + "            rollback: ALTER TABLE t ADD c int\\n'"
            + " | 9:23 rollback stands inside the dropColumn at line 6, where Liquibase does not read it: rolling"
            + " the changeset back never runs it (Liquibase uses its own inverse of the changes instead, or refuses"
            + " the rollback where they have none) (changeset a:1)",
        "modifySql item of columns | '        - createTable:\\n            tableName: t\\n            columns:\\n"
            + "              - column:\\n                  name: a\\n                  type: int\\n"
            + "              - modifySql:\\n                  dbms: mysql\\n                  append:\\n"
            + "                    value: \" engine innodb\"\\n'"
            + " | 12:17 modifySql stands inside the createTable at line 6, where Liquibase does not read it: it"
            + " never edits the changeset's SQL (changeset a:1)",
    })
    void aSettingInsideAChangeIsNamed(String where, String changes, String expected) throws IOException {
        TestProject.write(project, "db/changelog.yaml", HEADER + changes.replace("\\n", "\n"));

        List<String> found = misplaced();

        assertEquals(List.of("db/changelog.yaml:" + expected + " WARNING"), found);
    }

    @Test
    void aSettingInsideAChangeOfTheRollbackIsNamed() throws IOException {
        TestProject.write(project, "db/changelog.yaml", HEADER + """
                        - dropTable:
                            tableName: veto
                      rollback:
                        - createTable:
                            tableName: veto
                            columns:
                              - column:
                                  name: a
                                  type: int
                              - modifySql:
                                  dbms: mysql
                                  append:
                                    value: " engine innodb"
                """);

        assertEquals(List.of("db/changelog.yaml:15:17 modifySql stands inside the createTable at line 9, where"
                + " Liquibase does not read it: it never edits the changeset's SQL (changeset a:1) WARNING"),
                misplaced());
    }

    @Test
    void settingsBesideTheChangesOrAmongThemStandRight() throws IOException {
        TestProject.write(project, "db/changelog.yaml", HEADER + """
                        - createTable:
                            tableName: t
                            columns:
                              - column:
                                  name: a
                                  type: int
                        - rollback:
                            - dropTable:
                                tableName: t
                      modifySql:
                        - append:
                            dbms: mysql
                            value: " engine innodb"
                      rollback:
                        - dropTable:
                            tableName: t
                """);

        assertEquals(List.of(), misplaced());
    }

    /** Liquibase's loader reads a changeset's {@code preconditions} as its {@code preConditions}. */
    @Test
    void lowerCasePreconditionsOfAChangeSetStandRightAndGuardIt() throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      preconditions:
                        - onFail: MARK_RAN
                        - sqlCheck:
                            expectedResult: 0
                            sql: SELECT COUNT(*) FROM audit_log
                      changes:
                        - delete:
                            tableName: audit_log
                """);

        List<Finding> found = TestProject.lint(project, Dialect.POSTGRESQL).findings();

        assertEquals(List.of("delete-without-where INFO"), found.stream()
                .map(finding -> finding.ruleId() + " " + finding.severity()).toList(), found.toString());
    }

    @Test
    void aConfiguredLevelStillApplies() throws IOException {
        TestProject.write(project, "db/changelog.yaml", HEADER + """
                        - dropColumn:
                            tableName: t
                            columnName: c
                            rollback: ALTER TABLE t ADD c int
                """);
        LintConfig defaults = TestProject.config(project, Dialect.POSTGRESQL);
        LintConfig config = new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, defaults.encoding(), Map.of("malformed-changelog", "ERROR"), List.of(),
                defaults.flyway(), defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2);

        List<Finding> found = new Linter().run(config).findings().stream()
                .filter(finding -> finding.ruleId().equals("malformed-changelog")).toList();

        assertEquals(1, found.size(), found.toString());
        assertEquals("ERROR", found.get(0).severity().name());
    }

    private List<String> misplaced() {
        return TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(finding -> finding.ruleId().equals("malformed-changelog"))
                .map(finding -> finding.location() + " " + finding.message() + " " + finding.severity()).toList();
    }
}
